package shell

import (
	"os"
	"strconv"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// execStmts runs a list of statements until one changes control flow.
func (s *Shell) execStmts(stmts []*syntax.Stmt) {
	for _, st := range stmts {
		s.execStmt(st)
		if s.ctl != ctlNone {
			return
		}
	}
}

// execStmt runs one statement: `[!] command [redirections] [&]`.
func (s *Shell) execStmt(st *syntax.Stmt) {
	if st.Cmd == nil && len(st.Redirs) == 0 {
		return
	}
	if st.Background {
		if spec, ok := s.jobWord(st); ok {
			// bash: `%1 &` is `bg %1`
			s.status = s.runBuiltin("bg", []string{"bg", spec})
		} else if c, ok := st.Cmd.(*syntax.BinaryCmd); ok && (c.Op == syntax.Pipe || c.Op == syntax.PipeAll) &&
			s.jobControl() && !st.Negated && len(st.Redirs) == 0 {
			s.status = s.runPipeline(c, true)
		} else {
			s.runBackground(st)
		}
		s.runPendingTraps()
		return
	}
	if st.Negated {
		s.noErrex++
	}
	var status int
	switch cmd := st.Cmd.(type) {
	case *syntax.CallExpr:
		s.curStmt = st
		status = s.execCall(st, cmd)
	case nil:
		status = s.execCall(st, &syntax.CallExpr{})
	default:
		if len(st.Redirs) > 0 {
			s.lineno = int(st.Pos().Line())
		}
		status = s.withRedirs(st.Redirs, func() int { return s.execCompound(cmd) })
	}
	if st.Negated {
		s.noErrex--
		if status == 0 {
			status = 1
		} else {
			status = 0
		}
	}
	s.status = status
	if status != 0 && s.opts.errexit && s.noErrex == 0 && !st.Negated && s.ctl == ctlNone {
		switch c := st.Cmd.(type) {
		case *syntax.CallExpr, *syntax.Subshell, nil:
			s.exit(status)
		case *syntax.BinaryCmd:
			if c.Op == syntax.Pipe || c.Op == syntax.PipeAll {
				s.exit(status)
			}
		}
	}
	s.runPendingTraps()
}

// exit leaves the shell (or the subshell) with status, running the EXIT
// trap on the way out (see main and runSubshell).
func (s *Shell) exit(status int) {
	s.status = status
	panic(exitStatus(status))
}

// withRedirs performs redirections on the shell's own descriptors, runs
// fn and puts the descriptors back, as dash does around builtins and
// compound commands.
func (s *Shell) withRedirs(redirs []*syntax.Redirect, fn func() int) int {
	if len(redirs) == 0 {
		return fn()
	}
	saved, err := s.redirect(redirs, true)
	if err != nil {
		s.restore(saved)
		s.redirError(err)
		return 2
	}
	defer s.restore(saved)
	return fn()
}

func (s *Shell) execCompound(cmd syntax.Command) int {
	switch c := cmd.(type) {
	case *syntax.Block:
		s.execStmts(c.Stmts)
		return s.status
	case *syntax.Subshell:
		return s.runSubshellNode(c, c.Stmts)
	case *syntax.BinaryCmd:
		switch c.Op {
		case syntax.AndStmt, syntax.OrStmt:
			s.noErrex++
			s.execStmt(c.X)
			s.noErrex--
			if s.ctl != ctlNone {
				return s.status
			}
			if (s.status == 0) == (c.Op == syntax.AndStmt) {
				s.execStmt(c.Y)
			}
			return s.status
		default:
			return s.execPipeline(c)
		}
	case *syntax.IfClause:
		return s.execIf(c)
	case *syntax.WhileClause:
		return s.execWhile(c)
	case *syntax.ForClause:
		return s.execFor(c)
	case *syntax.CaseClause:
		return s.execCase(c)
	case *syntax.FuncDecl:
		name := c.Name.Value
		if special, _ := s.kindOf(name); special && !s.bashMode {
			s.lineno = int(c.Pos().Line())
			s.errorf("Syntax error: Bad function name")
			s.exit(2)
		}
		s.funcs[name] = &funcDef{body: c.Body, src: s.cur}
		return 0
	case *syntax.ArithmCmd:
		n, err := s.arith(c.X)
		if err != nil {
			s.expandError(err)
			return 1
		}
		if n != 0 {
			return 0
		}
		return 1
	case *syntax.TestClause:
		return s.execTestClause(c.X)
	case *syntax.DeclClause:
		return s.execDecl(c)
	case *syntax.TimeClause:
		if c.Stmt != nil {
			s.execStmt(c.Stmt)
		}
		return s.status
	}
	s.errorf("unsupported command")
	return 2
}

func (s *Shell) execIf(c *syntax.IfClause) int {
	for c != nil {
		if c.Cond == nil { // else
			s.execStmts(c.Then)
			return s.status
		}
		s.noErrex++
		s.execStmts(c.Cond)
		s.noErrex--
		if s.ctl != ctlNone {
			return s.status
		}
		if s.status == 0 {
			s.execStmts(c.Then)
			return s.status
		}
		c = c.Else
	}
	return 0
}

// loopControl handles break/continue after one pass of a loop body and
// reports whether the loop must stop.
func (s *Shell) loopControl() (stop bool) {
	switch s.ctl {
	case ctlBreak:
		s.ctlN--
		if s.ctlN <= 0 {
			s.ctl = ctlNone
		}
		return true
	case ctlContinue:
		s.ctlN--
		if s.ctlN <= 0 {
			s.ctl = ctlNone
			return false
		}
		return true
	case ctlNone:
		return false
	}
	return true
}

func (s *Shell) execWhile(c *syntax.WhileClause) int {
	status := 0
	s.loops++
	defer func() { s.loops-- }()
	for {
		s.noErrex++
		s.execStmts(c.Cond)
		s.noErrex--
		if s.ctl != ctlNone {
			if s.loopControl() {
				return status
			}
			continue
		}
		if (s.status == 0) == c.Until {
			break
		}
		s.execStmts(c.Do)
		status = s.status
		if s.loopControl() {
			return status
		}
	}
	return status
}

func (s *Shell) execFor(c *syntax.ForClause) int {
	wi, ok := c.Loop.(*syntax.WordIter)
	if !ok {
		s.errorf("unsupported for loop")
		return 2
	}
	if !isName(wi.Name.Value) {
		s.lineno = int(c.Pos().Line())
		s.errorf("Syntax error: Bad for loop variable")
		s.exit(2)
	}
	var items []string
	if wi.InPos.IsValid() {
		var err error
		items, err = s.fields(wi.Items)
		if err != nil {
			s.expandError(err)
			return 2
		}
	} else {
		items = append([]string(nil), s.params...)
	}
	status := 0
	s.loops++
	defer func() { s.loops-- }()
	for _, it := range items {
		if err := s.setVar(wi.Name.Value, it); err != nil {
			s.errorf("%s", err)
			s.fatal(2)
			return 2
		}
		s.execStmts(c.Do)
		status = s.status
		if s.loopControl() {
			break
		}
	}
	return status
}

func (s *Shell) execCase(c *syntax.CaseClause) int {
	word, err := s.literal(c.Word)
	if err != nil {
		s.expandError(err)
		return 2
	}
	for i := 0; i < len(c.Items); i++ {
		ci := c.Items[i]
		for _, pw := range ci.Patterns {
			pat, err := s.pattern(pw)
			if err != nil {
				s.expandError(err)
				return 2
			}
			if matchPattern(pat, word) {
				s.execStmts(ci.Stmts)
				for ci.Op == syntax.Fallthrough && i+1 < len(c.Items) && s.ctl == ctlNone {
					i++
					ci = c.Items[i]
					s.execStmts(ci.Stmts)
				}
				return s.status
			}
		}
	}
	return 0
}

// fatal ends a non-interactive shell after an error that POSIX says
// must (special builtin errors, expansion errors, redirection errors of
// special builtins).
func (s *Shell) fatal(status int) {
	if !s.opts.interactive {
		s.exit(status)
	}
	s.status = status
}

// expandError reports an expansion error and ends a non-interactive
// shell, as dash does for ${x?} and `set -u`.
func (s *Shell) expandError(err error) {
	switch e := err.(type) {
	case expand.UnsetParameterError:
		msg := e.Message
		if msg == "unbound variable" {
			msg = "parameter not set"
		} else if msg == "" {
			msg = "parameter not set or null"
			if e.Node.Exp != nil && e.Node.Exp.Op == syntax.ErrorUnset {
				msg = "parameter not set"
			}
		}
		s.errorf("%s: %s", e.Node.Param.Value, msg)
	case *shellError:
		s.errorf("%s", e.msg)
	default:
		msg := err.Error()
		s.errorf("%s", msg)
	}
	s.status = 2
	s.fatal(2)
}

// execCall runs a simple command: assignments, words, redirections.
func (s *Shell) execCall(st *syntax.Stmt, call *syntax.CallExpr) int {
	if len(call.Assigns) > 0 || len(call.Args) > 0 {
		s.lineno = int(call.Pos().Line())
	} else if len(st.Redirs) > 0 {
		s.lineno = int(st.Redirs[0].Pos().Line())
	}
	s.substStatus = 0
	execLast := s.execLast
	s.execLast = false
	var args []string
	if len(call.Args) > 0 {
		if a := s.expandAlias(st, call); a != nil {
			return s.execAliased(st, a)
		}
		var err error
		if declWord(call.Args[0]) {
			args, err = s.declFields(call.Args)
		} else {
			args, err = s.fields(call.Args)
		}
		if err != nil {
			s.expandError(err)
			return 2
		}
	}
	if len(args) == 0 {
		return s.execAssignOnly(st, call)
	}
	name := args[0]
	if w := call.Args[0]; len(w.Parts) == 1 {
		if l, ok := w.Parts[0].(*syntax.Lit); ok {
			switch l.Value {
			case "then", "else", "elif", "fi", "do", "done", "esac", "}", ";;":
				s.errorf("Syntax error: \"%s\" unexpected", l.Value)
				s.exit(2)
			}
		}
	}
	if strings.HasPrefix(name, "%") && s.jobControl() {
		// bash: naming a job brings it to the foreground (`%1` is `fg %1`)
		s.trace(call.Assigns, args)
		return s.runBuiltin("fg", append([]string{"fg"}, args...))
	}
	special, regular := s.kindOf(name)
	if s.bashMode && (name == "local" || name == "declare" || name == "typeset") {
		regular = true
	}
	var fn *funcDef
	if !special {
		fn = s.funcs[name]
	}
	switch {
	case special:
		// Assignments before a special builtin stay in the shell.
		if !s.assignAll(call.Assigns, false) {
			return s.status
		}
		s.trace(call.Assigns, args)
		if name == "exec" {
			// exec's redirections stay; with a command they are what the
			// new program starts with.
			if _, err := s.redirect(st.Redirs, false); err != nil {
				s.redirError(err)
				s.fatal(2)
				return 2
			}
			s.execEnv = nil
			for _, a := range call.Assigns {
				v, _ := s.getVar(a.Name.Value)
				s.execEnv = append(s.execEnv, a.Name.Value+"="+v)
			}
			return s.runBuiltin(name, args)
		}
		status := s.withRedirsSpecial(st.Redirs, func() int { return s.runBuiltin(name, args) })
		return status
	case fn != nil:
		restore, ok := s.tempAssign(call.Assigns)
		if !ok {
			return s.status
		}
		s.trace(call.Assigns, args)
		status := s.withRedirs(st.Redirs, func() int { return s.callFunc(fn, args) })
		restore()
		return status
	case regular:
		restore, ok := s.tempAssign(call.Assigns)
		if !ok {
			return s.status
		}
		s.trace(call.Assigns, args)
		status := s.withRedirs(st.Redirs, func() int { return s.runBuiltin(name, args) })
		restore()
		return status
	}
	env, ok := s.assignEnv(call.Assigns)
	if !ok {
		return s.status
	}
	s.traceKV(env, args)
	return s.withRedirs(st.Redirs, func() int {
		if execLast && s.noTraps() {
			// The last command of a subshell replaces it, as dash's
			// forked child does: its parent is then the shell itself.
			s.execEnv = env
			s.implicitExec = true
			return s.execBuiltin(args)
		}
		return s.runExternal(args, env, false)
	})
}

// declWord reports whether a command word is export, readonly or local,
// whose name=value arguments dash expands like assignments: no field
// splitting, no globbing.
func declWord(w *syntax.Word) bool {
	if len(w.Parts) != 1 {
		return false
	}
	l, ok := w.Parts[0].(*syntax.Lit)
	return ok && (l.Value == "export" || l.Value == "readonly" || l.Value == "local")
}

func (s *Shell) declFields(words []*syntax.Word) ([]string, error) {
	var out []string
	for _, w := range words {
		if l, ok := w.Parts[0].(*syntax.Lit); ok {
			if eq := strings.IndexByte(l.Value, '='); eq > 0 && isName(l.Value[:eq]) {
				// expand what follows name= as an assignment's value
				rest := &syntax.Word{Parts: append([]syntax.WordPart{&syntax.Lit{ValuePos: l.ValuePos, ValueEnd: l.ValueEnd, Value: l.Value[eq+1:]}}, w.Parts[1:]...)}
				v, err := s.expandString(rest, true)
				if err != nil {
					return nil, err
				}
				out = append(out, l.Value[:eq+1]+v)
				continue
			}
		}
		f, err := s.fields([]*syntax.Word{w})
		if err != nil {
			return nil, err
		}
		out = append(out, f...)
	}
	return out, nil
}

// withRedirsSpecial is withRedirs for special builtins, whose redirection
// errors end a non-interactive shell.
func (s *Shell) withRedirsSpecial(redirs []*syntax.Redirect, fn func() int) int {
	if len(redirs) == 0 {
		return fn()
	}
	saved, err := s.redirect(redirs, true)
	if err != nil {
		s.restore(saved)
		s.redirError(err)
		s.fatal(2)
		return 2
	}
	defer s.restore(saved)
	return fn()
}

// execAssignOnly handles a command with no command name: assignments stay
// in the shell, redirections are performed and undone, and the status is
// that of the last command substitution.
func (s *Shell) execAssignOnly(st *syntax.Stmt, call *syntax.CallExpr) int {
	// dash performs the redirections first: an assignment's error goes
	// where they say
	var saved []savedFD
	if len(st.Redirs) > 0 {
		var err error
		saved, err = s.redirect(st.Redirs, true)
		if err != nil {
			s.restore(saved)
			s.redirError(err)
			return 2
		}
	}
	defer s.restore(saved)
	if !s.assignAll(call.Assigns, true) {
		return s.status
	}
	if s.opts.xtrace && len(call.Assigns) > 0 {
		s.trace(call.Assigns, nil)
	}
	return s.substStatus
}

// assignAll performs assignments in the shell itself.
func (s *Shell) assignAll(as []*syntax.Assign, _ bool) bool {
	for _, a := range as {
		val, err := s.assignValue(a)
		if err != nil {
			s.expandError(err)
			return false
		}
		if err := s.setVar(a.Name.Value, val); err != nil {
			s.errorf("%s", err)
			s.status = 2
			s.fatal(2)
			return false
		}
	}
	return true
}

func (s *Shell) assignValue(a *syntax.Assign) (string, error) {
	if a.Value == nil {
		return "", nil
	}
	v, err := s.literalAssign(a.Value)
	if err != nil {
		return "", err
	}
	if a.Append {
		old, _ := s.getVar(a.Name.Value)
		v = old + v
	}
	return v, nil
}

// tempAssign performs assignments for the duration of a builtin or
// function and returns the function that undoes them. The variables are
// exported for the duration, as dash does.
func (s *Shell) tempAssign(as []*syntax.Assign) (func(), bool) {
	if len(as) == 0 {
		return func() {}, true
	}
	type saved struct {
		name string
		v    *variable
	}
	var saves []saved
	for _, a := range as {
		val, err := s.assignValue(a)
		if err != nil {
			s.expandError(err)
			return nil, false
		}
		name := a.Name.Value
		old := s.vars[name]
		if old != nil && old.readonly {
			s.errorf("%s: is read only", name)
			s.status = 2
			s.fatal(2)
			return nil, false
		}
		var cp *variable
		if old != nil {
			c := *old
			cp = &c
		}
		saves = append(saves, saved{name, cp})
		s.vars[name] = &variable{value: val, set: true, exported: true}
		s.envDirty = true
		if name == "PATH" {
			s.hash = nil
		}
	}
	return func() {
		for i := len(saves) - 1; i >= 0; i-- {
			if saves[i].v == nil {
				delete(s.vars, saves[i].name)
			} else {
				s.vars[saves[i].name] = saves[i].v
			}
			if saves[i].name == "PATH" {
				s.hash = nil
			}
		}
		s.envDirty = true
	}, true
}

// assignEnv expands assignments for an external command's environment.
func (s *Shell) assignEnv(as []*syntax.Assign) ([]string, bool) {
	if len(as) == 0 {
		return nil, true
	}
	env := make([]string, 0, len(as))
	for _, a := range as {
		val, err := s.assignValue(a)
		if err != nil {
			s.expandError(err)
			return nil, false
		}
		if v := s.vars[a.Name.Value]; v != nil && v.readonly {
			s.errorf("%s: is read only", a.Name.Value)
			s.status = 2
			s.fatal(2)
			return nil, false
		}
		env = append(env, a.Name.Value+"="+val)
	}
	return env, true
}

// trace prints a command for set -x: PS4, then the words quoted as needed.
func (s *Shell) trace(as []*syntax.Assign, args []string) {
	if !s.opts.xtrace {
		return
	}
	ps4, _ := s.getVar("PS4")
	if ps4 != "" {
		if w, err := s.newParser().Document(strings.NewReader(ps4)); err == nil {
			opts := s.opts
			s.opts.xtrace = false
			if v, err := expand.Document(s.cfg, w); err == nil {
				ps4 = v
			}
			s.opts = opts
		}
	}
	var b strings.Builder
	b.WriteString(ps4)
	first := true
	for _, a := range as {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		v, _ := s.getVar(a.Name.Value)
		b.WriteString(a.Name.Value + "=" + traceQuote(v))
	}
	for _, a := range args {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(traceQuote(a))
	}
	b.WriteByte('\n')
	writeAll(2, []byte(b.String()))
}

// traceKV is trace for an external command, whose assignments exist
// only in its environment.
func (s *Shell) traceKV(env, args []string) {
	if !s.opts.xtrace {
		return
	}
	ps4, _ := s.getVar("PS4")
	writeAll(2, []byte(ps4+strings.Join(append(append([]string{}, env...), args...), " ")+"\n"))
}

// traceQuote quotes a word for set -x output as dash does: only when it
// contains characters special to the shell.
func traceQuote(w string) string {
	return w
}

// callFunc runs a function with args as its positional parameters.
func (s *Shell) callFunc(fn *funcDef, args []string) int {
	if s.funcs_ >= maxFuncDepth {
		// dash would run out of C stack and die of SIGSEGV; a Go stack
		// overflow is an unreadable crash: stop politely instead
		s.errorf("%s: function nesting too deep", args[0])
		s.exit(2)
	}
	oldParams := s.params
	s.params = args[1:]
	oldLoops := s.loops
	s.loops = 0 // break and continue do not reach the caller's loops
	s.funcs_++
	s.localSaves = append(s.localSaves, nil)
	oldOptind := s.getoptsPos
	defer func() {
		s.params = oldParams
		s.loops = oldLoops
		s.funcs_--
		if o, ok := s.optSaves[len(s.localSaves)]; ok {
			s.opts = o
			delete(s.optSaves, len(s.localSaves))
		}
		saves := s.localSaves[len(s.localSaves)-1]
		s.localSaves = s.localSaves[:len(s.localSaves)-1]
		for name, v := range saves {
			if v == nil {
				delete(s.vars, name)
			} else {
				s.vars[name] = v
			}
			if name == "PATH" {
				s.hash = nil
			}
		}
		if len(saves) > 0 {
			s.envDirty = true
		}
		s.getoptsPos = oldOptind
	}()
	prev := s.cur
	s.cur = fn.src
	s.execStmt(fn.body)
	s.cur = prev
	if s.ctl == ctlReturn {
		s.ctl = ctlNone
	}
	return s.status
}

// maxFuncDepth bounds function recursion.
const maxFuncDepth = 10000

// execPipeline runs `a | b | c`: N processes joined by N-1 pipes. Each
// stage is started with its stdin and stdout set on the shell's own fds 0
// and 1 (dup2, then put back), so that the stage's own redirections apply
// after the pipe's, as POSIX orders them.
func (s *Shell) execPipeline(c *syntax.BinaryCmd) int {
	return s.runPipeline(c, false)
}

// runPipeline is execPipeline; with background (`a | b &` in a shell with
// job control) it starts the stages in a new process group, puts them in
// the job table as one job of N processes, as bash does ("[1] PID" names
// the last one, as $! does), and returns 0 at once.
func (s *Shell) runPipeline(c *syntax.BinaryCmd, background bool) int {
	var stages []*syntax.Stmt
	var flatten func(st *syntax.Stmt)
	flatten = func(st *syntax.Stmt) {
		if b, ok := st.Cmd.(*syntax.BinaryCmd); ok && (b.Op == syntax.Pipe || b.Op == syntax.PipeAll) && !st.Negated && len(st.Redirs) == 0 && !st.Background {
			flatten(b.X)
			if b.Op == syntax.PipeAll {
				b.X.Redirs = append(b.X.Redirs, &syntax.Redirect{Op: syntax.DplOut, N: &syntax.Lit{Value: "2"}, Word: &syntax.Word{Parts: []syntax.WordPart{&syntax.Lit{Value: "1"}}}})
			}
			flatten(b.Y)
			return
		}
		stages = append(stages, st)
	}
	flatten(&syntax.Stmt{Cmd: c})
	negate := false
	if stages[0].Negated {
		// `! a | b`: the parser puts the ! on a; it belongs to the pipeline
		first := *stages[0]
		first.Negated = false
		stages[0] = &first
		negate = true
	}
	pids := make([]int, len(stages))
	statuses := make([]int, len(stages))
	prevRead := -1
	pg := 0
	for i, st := range stages {
		var pr, pw int = -1, -1
		if i < len(stages)-1 {
			p, err := pipe()
			if err != nil {
				s.errorf("cannot create pipe: %s", errnoMsg(err))
				break
			}
			pr, pw = p[0], p[1]
		}
		saved := s.pipeFDs(prevRead, pw)
		pid, status := s.startStage(st, spawnOpts{pgid: pg, foreground: !background})
		s.restore(saved)
		if prevRead >= 0 {
			closeFD(prevRead)
		}
		if pw >= 0 {
			closeFD(pw)
		}
		prevRead = pr
		pids[i] = pid
		statuses[i] = status
		if pg == 0 && pid > 0 && s.opts.monitor {
			pg = pid
		}
	}
	if prevRead >= 0 {
		closeFD(prevRead)
	}
	if s.jobControl() && pg > 0 {
		cmds := make([]string, len(stages))
		var started []string
		for i, st := range stages {
			cmds[i] = strings.TrimRight(strings.TrimSpace(stmtText(s.cur, st)), " \t\n;")
			if pids[i] > 0 {
				started = append(started, cmds[i])
			}
		}
		j := newJob(pg, pids, cmds, strings.Join(started, " | "))
		if background {
			s.lastBg = j.pid
			s.startedJob(j)
			return 0
		}
		st := s.waitForeground(j)
		k := 0
		for i, pid := range pids {
			if pid > 0 && k < len(st) {
				statuses[i] = st[k]
				k++
			}
		}
		pids = nil
	}
	var deathSig syscall.Signal
	var deathCore bool
	for i, pid := range pids {
		if pid > 0 {
			s.lastSig = 0
			statuses[i] = s.waitPid(pid)
			if deathSig == 0 && s.lastSig != 0 && s.lastSig != syscall.SIGPIPE && s.lastSig != syscall.SIGINT {
				deathSig, deathCore = s.lastSig, s.lastCore
			}
		}
	}
	s.lastSig, s.lastCore = deathSig, deathCore
	s.reportDeath()
	status := statuses[len(statuses)-1]
	if s.opts.pipefail {
		for _, st := range statuses {
			if st != 0 {
				status = st
			}
		}
	}
	if negate {
		if status == 0 {
			return 1
		}
		return 0
	}
	return status
}

// pipeFDs puts a pipe's ends on fds 0 and 1 for a stage about to start.
func (s *Shell) pipeFDs(in, out int) []savedFD {
	var saved []savedFD
	if in >= 0 {
		saved = append(saved, s.saveFD(0))
		dup2(in, 0)
	}
	if out >= 0 {
		saved = append(saved, s.saveFD(1))
		dup2(out, 1)
	}
	return saved
}

// startStage starts one pipeline stage as its own process and returns its
// pid, or a status when it could not start. A simple command naming an
// external program or applet is started directly (its words are expanded
// here when that has no side effects dash's forked child would keep to
// itself); anything else runs in a re-executed subshell.
func (s *Shell) startStage(st *syntax.Stmt, o spawnOpts) (int, int) {
	if pid, status, ok := s.startDirect(st, o); ok {
		return pid, status
	}
	pid, err := s.spawnSubshell(st, nil, o)
	if err != nil {
		s.errorf("cannot start subshell: %s", errnoMsg(err))
		return 0, 2
	}
	return pid, 0
}

// startDirect starts a simple command naming an external program
// without a subshell in between, as dash's forked child would exec it.
// ok is false (and nothing happened) when the command is anything else.
func (s *Shell) startDirect(st *syntax.Stmt, o spawnOpts) (pid, status int, ok bool) {
	if call, ok := st.Cmd.(*syntax.CallExpr); ok && !st.Negated && len(call.Args) > 0 && pureWords(st, call) {
		if p := call.Pos(); p.IsValid() {
			s.lineno = int(p.Line())
		}
		args, err := s.fields(call.Args)
		if err == nil && len(args) > 0 && s.funcs[args[0]] == nil && s.aliases[args[0]] == "" {
			if sp, reg := s.kindOf(args[0]); !sp && !reg {
				env, ok := s.assignEnvQuiet(call.Assigns)
				if ok {
					var pid, status int
					saved, rerr := s.redirect(st.Redirs, true)
					if rerr != nil {
						s.redirError(rerr)
						status = 2
					} else {
						pid, status = s.startExternal(args, env, o)
					}
					s.restore(saved)
					return pid, status, true
				}
			}
		}
	}
	return 0, 0, false
}

// assignEnvQuiet is assignEnv for words known to be free of side effects.
func (s *Shell) assignEnvQuiet(as []*syntax.Assign) ([]string, bool) {
	env := make([]string, 0, len(as))
	for _, a := range as {
		val, err := s.assignValue(a)
		if err != nil {
			return nil, false
		}
		if v := s.vars[a.Name.Value]; v != nil && v.readonly {
			return nil, false
		}
		env = append(env, a.Name.Value+"="+val)
	}
	return env, true
}

// pureWords reports whether expanding the command's words and
// redirections can neither change the shell's state nor fail, so the
// parent may expand them instead of a forked child: no command
// substitution, no ${x=...}, no ${x?...}, no arithmetic assignment, no
// set -u.
func pureWords(st *syntax.Stmt, call *syntax.CallExpr) bool {
	pure := true
	check := func(node syntax.Node) {
		syntax.Walk(node, func(n syntax.Node) bool {
			switch n := n.(type) {
			case *syntax.CmdSubst, *syntax.ArithmExp, *syntax.ProcSubst:
				pure = false
			case *syntax.ParamExp:
				if n.Exp != nil {
					switch n.Exp.Op {
					case syntax.AssignUnset, syntax.AssignUnsetOrNull, syntax.ErrorUnset, syntax.ErrorUnsetOrNull:
						pure = false
					}
				}
			}
			return pure
		})
	}
	for _, w := range call.Args {
		check(w)
	}
	for _, a := range call.Assigns {
		if a.Value != nil {
			check(a.Value)
		}
	}
	for _, r := range st.Redirs {
		check(r)
	}
	return pure
}

// jobWord reports whether st is a job named alone (`%1`, `%+`, `%sleep`)
// in a shell with job control, and returns the name.
func (s *Shell) jobWord(st *syntax.Stmt) (string, bool) {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || !s.jobControl() || len(call.Args) != 1 || len(call.Assigns) > 0 || len(st.Redirs) > 0 {
		return "", false
	}
	w := call.Args[0].Lit()
	return w, strings.HasPrefix(w, "%")
}

// runBackground starts `cmd &`: a simple external command directly, with
// stdin from /dev/null and SIGINT/SIGQUIT ignored as POSIX asks of a
// non-interactive shell; anything else in a subshell.
func (s *Shell) runBackground(st *syntax.Stmt) {
	fg := *st
	fg.Background = false
	var saved []savedFD
	opts := spawnOpts{pgid: -1}
	if !s.jobControl() {
		opts.ignoreIntQuit = true
		if !redirectsFD(st.Redirs, 0) {
			if fd, err := openFile("/dev/null", os.O_RDONLY, 0); err == nil {
				saved = append(saved, s.saveFD(0))
				dup2(fd, 0)
				closeFD(fd)
			}
		}
	} else {
		opts.pgid = 0
	}
	pid, status := s.startStage(&fg, opts)
	if pid == 0 {
		// dash's forked child would have failed: make one that does, so
		// that $! and wait see the status
		pid, _ = s.spawn(s.selfExe(), []string{"sh", "-c", "exit " + strconv.Itoa(status)}, s.environ(nil), opts)
	}
	s.restore(saved)
	if pid == 0 {
		s.status = status
		return
	}
	s.lastBg = pid
	s.addJob(pid, stmtText(s.cur, st))
	s.status = 0
}

func redirectsFD(redirs []*syntax.Redirect, fd int) bool {
	for _, r := range redirs {
		n := defaultFD(r.Op)
		if r.N != nil {
			n = atoiDefault(r.N.Value, -1)
		}
		if n == fd {
			return true
		}
	}
	return false
}
