package shell

import (
	"bytes"
	"io"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/syntax"
)

// state is what a fork would have copied into a subshell, written by
// the parent into a memfd and read back by the re-executed child (in the
// form of statecodec.go: a new field needs a line in encode and decodeState).
type state struct {
	Vars     []stateVar
	Funcs    []string // each a function definition, padded to its line
	Aliases  map[string]string
	Opts     string // letters as in $-
	Pipefail bool
	Params   []string
	Arg0     string
	Pid      int
	LastBg   int
	Status   int
	Lineno   int
	Ignored  []int  // signals the parent ignores (trap '' SIG)
	Node     string // the commands to run, padded to their line
	BashMode bool
	Hash     map[string]string
}

type stateVar struct {
	N    string
	V    string
	Set  bool
	Exp  bool
	Ro   bool
	Loc  bool
	Dflt bool
}

// printNode prints nodes back to shell source, preceded by enough
// newlines that the first command keeps its line number.
func printNode(line int, node syntax.Node) string {
	var b bytes.Buffer
	for i := 1; i < line; i++ {
		b.WriteByte('\n')
	}
	syntax.NewPrinter().Print(&b, node)
	b.WriteByte('\n')
	return b.String()
}

// snapshot captures the shell state for a subshell running node.
func (s *Shell) snapshot(node string) *state {
	st := &state{
		Aliases:  s.aliases,
		Opts:     s.optFlags(),
		Pipefail: s.opts.pipefail,
		Params:   s.params,
		Arg0:     s.arg0,
		Pid:      s.pid,
		LastBg:   s.lastBg,
		Status:   s.status,
		Lineno:   s.lineno,
		Node:     node,
		BashMode: s.bashMode,
		Hash:     s.hash,
	}
	st.Vars = make([]stateVar, 0, len(s.vars))
	for name, v := range s.vars {
		st.Vars = append(st.Vars, stateVar{N: name, V: v.value, Set: v.set, Exp: v.exported, Ro: v.readonly})
	}
	for name, f := range s.funcs {
		fd := &syntax.FuncDecl{Position: f.body.Pos(), Parens: true, Name: &syntax.Lit{Value: name}, Body: f.body}
		st.Funcs = append(st.Funcs, printNode(int(f.body.Pos().Line()), fd))
	}
	for sig := 1; sig <= maxSig; sig++ {
		if t := s.traps[sig]; t != nil && *t == "" {
			st.Ignored = append(st.Ignored, sig)
		}
	}
	return st
}

// spawnSubshell starts a re-executed copy of the shell that runs node
// (a *syntax.Stmt, or a []*syntax.Stmt list) with the current state, on
// the shell's current fds 0-9.
func (s *Shell) spawnSubshell(st *syntax.Stmt, list []*syntax.Stmt, o spawnOpts) (int, error) {
	var text string
	if st != nil {
		end := st.End()
		if st.Semicolon.IsValid() && s.cur != nil {
			// `cmd &` and `cmd ;`: the terminator is not part of the
			// command the subshell runs (its copy is in the foreground)
			if off := int(st.Semicolon.Offset()); off < len(s.cur.text) && (s.cur.text[off] == '&' || s.cur.text[off] == ';') {
				end = st.Semicolon
			}
		}
		var ok bool
		if text, ok = s.sliceSource(st.Pos(), end, st); !ok {
			text = printNode(int(st.Pos().Line()), st)
		} else if !st.Negated {
			// the first stage of `! a | b` starts at the `!`, which
			// belongs to the whole pipeline
			body := strings.TrimLeft(text, "\n")
			if strings.HasPrefix(body, "!") {
				text = text[:len(text)-len(body)] + " " + body[1:]
			}
		}
	} else if len(list) > 0 {
		var ok bool
		if text, ok = s.sliceSource(list[0].Pos(), list[len(list)-1].End(), &syntax.File{Stmts: list}); !ok {
			text = printNode(int(list[0].Pos().Line()), &syntax.File{Stmts: list})
		}
	}
	data := s.snapshot(text).encode()
	fd, err := unix.MemfdCreate("sh-state", unix.MFD_CLOEXEC)
	if err != nil {
		return 0, err
	}
	fd = moveHigh(fd)
	defer unix.Close(fd)
	if err := writeAll(fd, data); err != nil {
		return 0, err
	}
	if _, err := unix.Seek(fd, 0, 0); err != nil {
		return 0, err
	}
	o.extraFD = fd
	env := append(s.environ(nil)[:len(s.environ(nil)):len(s.environ(nil))], stateEnv+"="+strconv.Itoa(fd))
	name := "sh"
	if s.bashMode {
		name = "bash"
	}
	return s.spawn(s.selfExe(), []string{name}, env, o)
}

// runSubshellNode runs `( list )` in a child and waits for it.
func (s *Shell) runSubshellNode(_ *syntax.Subshell, list []*syntax.Stmt) int {
	pid, err := s.spawnSubshell(nil, list, spawnOpts{pgid: 0, foreground: true})
	if err != nil {
		s.errorf("cannot fork: %s", errnoMsg(err))
		return 2
	}
	if s.jobControl() {
		cmd := "( ... )"
		if len(list) > 0 && s.cur != nil {
			if t, ok := s.sliceSource(list[0].Pos(), list[len(list)-1].End(), &syntax.File{Stmts: list}); ok {
				cmd = "( " + strings.TrimSpace(t) + " )"
			}
		}
		return s.waitForeground(newJob(pid, []int{pid}, []string{cmd}, cmd))[0]
	}
	return s.waitFG(pid)
}

// runCmdSubst runs the body of a command substitution with its stdout
// on a pipe and copies what it writes to w.
func (s *Shell) runCmdSubst(w io.Writer, cs *syntax.CmdSubst) (int, error) {
	if len(cs.Stmts) == 0 {
		return 0, nil
	}
	if status, ok := s.substInProcess(w, cs); ok {
		return status, nil
	}
	if cs.Backquotes {
		// the source text of `...` still has its backslashes: print the
		// parsed commands instead of slicing the text
		old := s.noSlice
		s.noSlice = true
		defer func() { s.noSlice = old }()
	}
	p, err := pipe()
	if err != nil {
		return 2, &shellError{msg: "cannot create pipe: " + errnoMsg(err)}
	}
	saved := s.pipeFDs(-1, p[1])
	var pid, status int
	direct := false
	if len(cs.Stmts) == 1 {
		// one command: started directly when it is a simple external one
		pid, status, direct = s.startDirect(cs.Stmts[0], spawnOpts{pgid: -1})
	}
	if !direct && s.inProcessOK(cs) {
		// builtins, functions, compound commands: run here with the
		// state a fork would isolate saved and restored around them
		done := make(chan struct{})
		go func() { readAllInto(w, p[0]); close(done) }()
		status = s.subshellInProcess(cs.Stmts)
		s.restore(saved)
		unix.Close(p[1])
		<-done
		unix.Close(p[0])
		return status, nil
	}
	if !direct {
		pid, err = s.spawnSubshell(nil, cs.Stmts, spawnOpts{pgid: -1})
		if err != nil {
			status = 2
			s.errorf("cannot fork: %s", errnoMsg(err))
		}
	}
	s.restore(saved)
	unix.Close(p[1])
	readAllInto(w, p[0])
	unix.Close(p[0])
	if pid == 0 {
		return status, nil
	}
	return s.waitFG(pid), nil
}

func readAllInto(w io.Writer, fd int) {
	buf := make([]byte, 4096)
	for {
		n, err := unix.Read(fd, buf)
		if n > 0 {
			w.Write(buf[:n])
			if n == len(buf) && len(buf) < 1<<16 {
				buf = make([]byte, 2*len(buf))
			}
			continue
		}
		if err == unix.EINTR {
			continue
		}
		return
	}
}

// runSubshell is the child side: read the state from the inherited fd,
// become that shell, run the node, exit.
func (s *Shell) runSubshell(fdstr string) (status int) {
	fd, err := strconv.Atoi(fdstr)
	if err != nil {
		return 2
	}
	var buf bytes.Buffer
	readAllInto(&buf, fd)
	unix.Close(fd)
	st, err := decodeState(buf.Bytes())
	if err != nil {
		writeAll(2, []byte("sh: bad subshell state: "+err.Error()+"\n"))
		return 2
	}
	s.subshell = true
	s.bashMode = st.BashMode
	s.vars = make(map[string]*variable, len(st.Vars))
	for _, v := range st.Vars {
		s.vars[v.N] = &variable{value: v.V, set: v.Set, exported: v.Exp, readonly: v.Ro}
	}
	s.envDirty = true
	if st.Aliases != nil {
		s.aliases = st.Aliases
	}
	s.hash = st.Hash
	for i := 0; i < len(st.Opts); i++ {
		s.setOption(st.Opts[i], "", true)
	}
	s.opts.interactive = false
	s.opts.pipefail = st.Pipefail
	s.params, s.arg0, s.pid, s.lastBg, s.status, s.lineno = st.Params, st.Arg0, st.Pid, st.LastBg, st.Status, st.Lineno
	for _, sig := range st.Ignored {
		empty := ""
		s.traps[sig] = &empty
		signal.Ignore(syscall.Signal(sig))
	}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(exitStatus)
			if !ok {
				panic(r)
			}
			status = int(e)
		}
		status = s.runExitTrap(status)
	}()
	for _, f := range st.Funcs {
		src := s.newSource(f, s.arg0)
		file, err := s.newParser().Parse(strings.NewReader(f), "")
		if err != nil {
			continue
		}
		s.cur = src
		s.execStmts(file.Stmts)
	}
	s.status = st.Status
	src := s.newSource(st.Node, s.arg0)
	s.cur = src
	file, err := s.newParser().Parse(strings.NewReader(st.Node), "")
	if err != nil {
		s.syntaxError(err)
		return 2
	}
	stmts := file.Stmts
	if len(stmts) == 1 && !stmts[0].Negated && len(stmts[0].Redirs) == 0 {
		if sub, ok := stmts[0].Cmd.(*syntax.Subshell); ok {
			// `( list ) &` or `( list ) | ...`: this process already is
			// the subshell
			stmts = sub.Stmts
		}
	}
	for i, stmt := range stmts {
		if i == len(stmts)-1 {
			if _, ok := stmt.Cmd.(*syntax.CallExpr); ok && !stmt.Background && !stmt.Negated {
				s.execLast = true
			}
		}
		s.execStmt(stmt)
		s.execLast = false
		if s.ctl != ctlNone {
			break
		}
	}
	return s.status
}

// substInProcess is a hook for capturing builtin output without a pipe;
// the pipe-based in-process subshell below is used instead.
func (s *Shell) substInProcess(w io.Writer, cs *syntax.CmdSubst) (int, bool) {
	return 0, false
}

// inProcessOK reports whether a command substitution may run inside the
// shell process. What a fork isolates and the shell can put back is put
// back by subshellInProcess; the few commands whose effects it cannot
// undo (ulimit, trap on signals, set -m) send the body to a real
// (re-executed) subshell.
func (s *Shell) inProcessOK(cs *syntax.CmdSubst) bool {
	if s.inSub > 32 || s.bashMode {
		return false
	}
	ok := true
	check := func(n syntax.Node) bool {
		if w, isWord := n.(*syntax.Word); isWord && len(w.Parts) == 1 {
			if l, isLit := w.Parts[0].(*syntax.Lit); isLit {
				switch l.Value {
				case "ulimit", "trap", "-m", "+m", "monitor", "wait", "jobs", "fg", "bg":
					ok = false
				}
			}
		}
		return ok
	}
	for _, st := range cs.Stmts {
		syntax.Walk(st, check)
	}
	// functions called from the body may do the same
	if ok {
		for _, f := range s.funcs {
			syntax.Walk(f.body, check)
			if !ok {
				break
			}
		}
	}
	return ok
}

// subshellInProcess runs commands as a subshell would, inside the shell:
// variables, functions, aliases, options, positional parameters, traps,
// the working directory, the umask and fds 0-9 are saved first and
// restored after, and an exit only ends the pseudo-subshell. `exec cmd`
// inside runs cmd and ends it with cmd's status, which is what the
// caller of a real subshell sees.
func (s *Shell) subshellInProcess(stmts []*syntax.Stmt) (status int) {
	// save
	vars := make(map[string]*variable, len(s.vars))
	for k, v := range s.vars {
		c := *v
		vars[k] = &c
	}
	funcs := make(map[string]*funcDef, len(s.funcs))
	for k, v := range s.funcs {
		funcs[k] = v
	}
	aliases := make(map[string]string, len(s.aliases))
	for k, v := range s.aliases {
		aliases[k] = v
	}
	params, opts, traps, exitTrap := s.params, s.opts, s.traps, s.exitTrap
	lineno, loops, fdepth, localSaves, noErrex := s.lineno, s.loops, s.funcs_, s.localSaves, s.noErrex
	getoptsPos, lastOptind, lastBg, jobs := s.getoptsPos, s.lastOptind, s.lastBg, s.jobs
	cur, ctl, ctlN := s.cur, s.ctl, s.ctlN
	var fds []savedFD
	for fd := 0; fd <= 9; fd++ {
		fds = append(fds, s.saveFD(fd))
	}
	cwd, cwdErr := unix.Open(".", unix.O_RDONLY|unix.O_CLOEXEC|unix.O_DIRECTORY, 0)
	if cwdErr == nil {
		cwd = moveHigh(cwd)
	}
	umask := unix.Umask(0)
	unix.Umask(umask)
	pwd := s.vars["PWD"]

	// a subshell forgets traps that are not ignores
	for i, t := range s.traps {
		if t != nil && *t != "" {
			s.traps[i] = nil
		}
	}
	s.exitTrap = nil
	s.noErrex = 0 // -e applies again inside, even in an if condition
	s.loops, s.localSaves = 0, nil
	s.jobs = nil
	s.inSub++
	s.ctl = ctlNone
	func() {
		defer func() {
			if r := recover(); r != nil {
				e, ok := r.(exitStatus)
				if !ok {
					panic(r)
				}
				status = int(e)
				s.status = status
			}
			status = s.runExitTrap(s.status)
		}()
		s.execStmts(stmts)
		status = s.status
	}()
	s.inSub--

	// restore
	s.vars, s.funcs, s.aliases = vars, funcs, aliases
	s.envDirty, s.hash = true, nil
	s.params, s.opts, s.traps, s.exitTrap = params, opts, traps, exitTrap
	s.lineno, s.loops, s.funcs_, s.localSaves, s.noErrex = lineno, loops, fdepth, localSaves, noErrex
	s.getoptsPos, s.lastOptind, s.lastBg, s.jobs = getoptsPos, lastOptind, lastBg, jobs
	s.cur, s.ctl, s.ctlN = cur, ctl, ctlN
	s.restore(fds)
	if cwdErr == nil {
		unix.Fchdir(cwd)
		unix.Close(cwd)
	}
	unix.Umask(umask)
	_ = pwd
	return status
}

// sliceSource returns the source text of a node, padded with newlines so
// that it starts on its own line number: the subshell then reports the
// same line numbers as its parent. Nodes with here-documents (whose
// bodies lie outside the node's span) are printed instead.
func (s *Shell) sliceSource(a, b syntax.Pos, node syntax.Node) (string, bool) {
	if s.cur == nil || s.noSlice || !a.IsValid() || !b.IsValid() {
		return "", false
	}
	i, j := int(a.Offset()), int(b.Offset())
	if i < 0 || j > len(s.cur.text) || i >= j {
		return "", false
	}
	hdoc := false
	syntax.Walk(node, func(n syntax.Node) bool {
		if r, ok := n.(*syntax.Redirect); ok && r.Hdoc != nil {
			hdoc = true
		}
		return !hdoc
	})
	if hdoc {
		return "", false
	}
	return strings.Repeat("\n", int(a.Line())-1) + s.cur.text[i:j] + "\n", true
}
