package shell

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/syntax"
)

// builtinKind says whether name is a POSIX special builtin (its errors
// end a non-interactive shell, its assignments persist) or a regular
// builtin that runs inside the shell. A switch, not a map: nothing is
// built at start-up.
func builtinKind(name string) (special, regular bool) {
	switch name {
	case ":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "times", "trap", "unset":
		return true, false
	case "cd", "pwd", "echo", "printf", "test", "[", "read", "umask", "wait", "jobs", "fg", "bg", "kill", "alias", "unalias",
		"command", "type", "getopts", "hash", "true", "false", "ulimit", "local", "fc":
		return false, true
	}
	return false, false
}

// kindOf is builtinKind for this shell: history and disown, which dash
// lacks, are builtins only in an interactive shell or as bash.
func (s *Shell) kindOf(name string) (special, regular bool) {
	special, regular = builtinKind(name)
	if !special && !regular && (name == "history" || name == "disown") && (s.opts.interactive || s.bashMode) {
		regular = true
	}
	return special, regular
}

// runBuiltin runs a builtin inside the shell.
func (s *Shell) runBuiltin(name string, args []string) int {
	a := args[1:]
	prev := s.curBuiltin
	s.curBuiltin = name
	defer func() { s.curBuiltin = prev }()
	switch name {
	case ":", "true":
		return 0
	case "false":
		return 1
	case ".":
		return s.dotBuiltin(a)
	case "break", "continue":
		return s.breakBuiltin(name, a)
	case "eval":
		if len(a) > 0 && a[0] == "--" {
			a = a[1:]
		}
		s.status = 0
		if len(a) == 0 {
			return 0
		}
		s.evalString(strings.Join(a, " "), "eval: ")
		return s.status
	case "exec":
		return s.execBuiltin(a)
	case "exit":
		status := s.status
		if len(a) > 0 {
			n, err := strconv.Atoi(a[0])
			if err != nil || n < 0 {
				s.errorf("exit: Illegal number: %s", a[0])
				s.fatal(2)
				return 2
			}
			status = n & 0xff
		}
		if s.editor != nil && !s.subshell && s.inSub == 0 {
			writeAll(2, []byte("exit\n")) // as bash says
		}
		if s.opts.interactive && s.stoppedJobsWarning() {
			return 1
		}
		s.exit(status)
		return status
	case "export", "readonly":
		return s.exportBuiltin(name, a)
	case "return":
		status := s.status
		if len(a) > 0 {
			n, err := strconv.Atoi(a[0])
			if err != nil {
				s.errorf("return: Illegal number: %s", a[0])
				s.fatal(2)
				return 2
			}
			if n < 0 {
				s.errorf("return: Illegal number: %s", a[0])
				s.fatal(2)
				return 2
			}
			status = n
		}
		s.ctl = ctlReturn
		return status
	case "set":
		st := s.setBuiltin(a)
		if s.opts.monitor && s.ttyFD <= 0 && !s.triedTTY && !s.subshell && s.inSub == 0 {
			// set -m: job control needs the terminal, as in dash
			s.initJobControl("set: ")
		}
		return st
	case "shift":
		n := 1
		if len(a) > 0 {
			var err error
			n, err = strconv.Atoi(a[0])
			if err != nil || n < 0 {
				s.errorf("shift: Illegal number: %s", a[0])
				s.fatal(2)
				return 2
			}
		}
		if n > len(s.params) {
			s.errorf("shift: can't shift that many")
			s.fatal(2)
			return 2
		}
		s.params = s.params[n:]
		return 0
	case "times":
		return s.timesBuiltin()
	case "trap":
		return s.trapBuiltin(a)
	case "unset":
		return s.unsetBuiltin(a)
	case "cd":
		return s.cdBuiltin(a)
	case "pwd":
		return s.pwdBuiltin(a)
	case "echo":
		return s.echoBuiltin(a)
	case "printf":
		return s.printfBuiltin(a)
	case "test":
		return s.testBuiltin(a, false)
	case "[":
		return s.testBuiltin(a, true)
	case "read":
		return s.readBuiltin(a)
	case "umask":
		return s.umaskBuiltin(a)
	case "wait":
		return s.waitBuiltin(a)
	case "jobs":
		return s.jobsBuiltin(a)
	case "fg", "bg":
		return s.fgBuiltin(name, a)
	case "disown":
		return s.disownBuiltin(a)
	case "history":
		return s.historyBuiltin(a)
	case "fc":
		return s.fcBuiltin(a)
	case "kill":
		return s.killBuiltin(a)
	case "alias":
		return s.aliasBuiltin(a)
	case "unalias":
		return s.unaliasBuiltin(a)
	case "command":
		return s.commandBuiltin(a)
	case "type":
		return s.typeBuiltin(a)
	case "getopts":
		return s.getoptsBuiltin(a)
	case "hash":
		return s.hashBuiltin(a)
	case "ulimit":
		return s.ulimitBuiltin(a)
	case "local", "declare", "typeset":
		return s.localBuiltin(a)
	}
	return 127
}

// out writes a builtin's output to fd 1. A reader that went away kills
// the shell (or the pipeline stage) with SIGPIPE, as it would dash.
func (s *Shell) out(str string) int {
	return s.outBytes([]byte(str))
}

func (s *Shell) outBytes(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	if s.capture != nil {
		s.capture.Write(b)
		return 0
	}
	if err := writeAll(1, b); err != nil {
		if err == unix.EPIPE && s.traps[syscall.SIGPIPE] == nil {
			s.sigpipe()
			return 141
		}
		s.errorf("%s: %s: I/O error", s.curBuiltin, s.curBuiltin)
		return 1
	}
	return 0
}

// evalString parses and runs text in the current shell (eval, traps).
func (s *Shell) evalString(text, what string) {
	src := s.newSource(text, s.arg0)
	line := s.lineno
	old, oldCtx := s.synPrefix, s.errCtx
	if what == "eval: " {
		s.synPrefix, s.errCtx = what, what
	}
	s.runSource(src, strings.NewReader(text), false)
	s.synPrefix, s.errCtx = old, oldCtx
	s.lineno = line
}

func (s *Shell) breakBuiltin(name string, a []string) int {
	n := 1
	if len(a) > 0 {
		var err error
		n, err = strconv.Atoi(a[0])
		if err != nil || n <= 0 {
			s.errorf("%s: Illegal number: %s", name, a[0])
			s.fatal(2)
			return 2
		}
	}
	if s.loops == 0 {
		return 0
	}
	if n > s.loops {
		n = s.loops
	}
	if name == "break" {
		s.ctl = ctlBreak
	} else {
		s.ctl = ctlContinue
	}
	s.ctlN = n
	return 0
}

// dotBuiltin is `. file`: run a file in the current shell; a name
// without '/' is searched in PATH.
func (s *Shell) dotBuiltin(a []string) int {
	if len(a) == 0 {
		return 0
	}
	name := a[0]
	path := name
	if !strings.Contains(name, "/") {
		found := false
		pathv, _ := s.getVar("PATH")
		for _, dir := range strings.Split(pathv, ":") {
			if dir == "" {
				dir = "."
			}
			p := dir + "/" + name
			var st unix.Stat_t
			if unix.Stat(p, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
				path, found = p, true
				break
			}
		}
		if !found {
			s.errorf(".: cannot open %s: No such file", name)
			s.fatal(2)
			return 2
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		s.errorf(".: cannot open %s: %s", name, errnoShort(err))
		s.fatal(2)
		return 2
	}
	var saved []string // dash ignores arguments after the file
	s.status = 0
	src := s.newSource(string(data), s.arg0)
	s.funcs_++
	oldCtx := s.errCtx
	s.errCtx = name + ": "
	s.runSource(src, strings.NewReader(string(data)), false)
	s.errCtx = oldCtx
	s.funcs_--
	if s.ctl == ctlReturn {
		s.ctl = ctlNone
	}
	if saved != nil {
		s.params = saved
	}
	return s.status
}

// execBuiltin is `exec cmd args`: the shell process becomes cmd
// (execve). Without a command, the redirections were made permanent by
// the caller.
func (s *Shell) execBuiltin(a []string) int {
	pfx := "exec: "
	if s.implicitExec {
		pfx = "" // a subshell's last command: errors read as for any command
	}
	if len(a) > 0 && a[0] == "--" {
		a = a[1:]
	}
	if len(a) == 0 {
		return 0
	}
	name := a[0]
	var path string
	if strings.IndexByte(name, '/') >= 0 {
		path = name
	} else if s.isApplet(name) {
		path = s.selfExe()
	} else if p, ok := s.lookPath(name); ok {
		path = p
	} else {
		if s.denied {
			s.errorf("%s%s: Permission denied", pfx, name)
			if s.deniedDir {
				s.exit(127)
			}
			s.exit(126)
		}
		s.errorf("%s%s: not found", pfx, name)
		s.exit(127)
	}
	if s.inSub > 0 {
		// A pseudo-subshell cannot replace itself: run the command and
		// end the subshell with its status.
		s.exit(s.runExternal(a, s.execEnv, false))
	}
	// Signals the shell caught go back to default across execve by
	// themselves; ignored ones stay ignored, as POSIX wants.
	env := s.environ(s.execEnv)
	if path == s.selfExe() && (name == "sh" || name == "bash") {
		env = s.withIgnoreList(env)
	}
	err := unix.Exec(path, a, env)
	if err == unix.ENOEXEC && !looksBinary(path) {
		err = unix.Exec(s.selfExe(), append([]string{"sh", path}, a[1:]...), env)
	}
	if err == unix.ENOENT {
		s.errorf("%s%s: not found", pfx, name)
		s.exit(127)
	}
	s.errorf("%s%s: %s", pfx, name, errnoMsg(err))
	s.exit(126)
	return 126
}

// looksBinary reports whether a file that execve(2) refused is binary
// (a NUL in its first line), which dash will not run as a script.
func looksBinary(path string) bool {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	buf := make([]byte, 512)
	n, _ := unix.Read(fd, buf)
	buf = buf[:max(n, 0)]
	if i := strings.IndexByte(string(buf), '\n'); i >= 0 {
		buf = buf[:i]
	}
	return strings.HasPrefix(string(buf), "\x7fELF") || strings.IndexByte(string(buf), 0) >= 0
}

func (s *Shell) exportBuiltin(name string, a []string) int {
	if len(a) > 0 && a[0] == "-p" {
		a = a[1:]
		if len(a) == 0 {
			var b strings.Builder
			for _, n := range s.sortedNames() {
				v := s.vars[n]
				if (name == "export" && v.exported) || (name == "readonly" && v.readonly) {
					if v.set {
						b.WriteString(name + " " + n + "=" + shellQuote(v.value) + "\n")
					} else {
						b.WriteString(name + " " + n + "\n")
					}
				}
			}
			return s.out(b.String())
		}
	}
	if len(a) > 0 && a[0] == "--" {
		a = a[1:]
	}
	if len(a) == 0 {
		return s.exportBuiltin(name, []string{"-p"})
	}
	for _, arg := range a {
		n, val, hasVal := strings.Cut(arg, "=")
		if !isName(n) {
			s.errorf("%s: %s: bad variable name", name, n)
			s.fatal(2)
			return 2
		}
		if hasVal {
			if err := s.setVar(n, val); err != nil {
				s.errorf("%s: %s", name, err)
				s.fatal(2)
				return 2
			}
		}
		v := s.vars[n]
		if v == nil {
			v = &variable{}
			s.vars[n] = v
		}
		if name == "export" {
			v.exported = true
			s.envDirty = true
		} else {
			v.readonly = true
		}
	}
	return 0
}

func (s *Shell) setBuiltin(a []string) int {
	if len(a) == 0 {
		var b strings.Builder
		for _, n := range s.sortedNames() {
			v := s.vars[n]
			if v.set {
				b.WriteString(n + "=" + shellQuote(v.value) + "\n")
			}
		}
		return s.out(b.String())
	}
	i := 0
	for i < len(a) {
		arg := a[i]
		if arg == "--" {
			i++
			s.setParams(a[i:])
			return 0
		}
		if arg == "-" {
			s.opts.xtrace, s.opts.verbose = false, false
			i++
			break
		}
		if len(arg) < 2 || (arg[0] != '-' && arg[0] != '+') {
			break
		}
		on := arg[0] == '-'
		i++
		for j := 1; j < len(arg); j++ {
			c := arg[j]
			if c == 'o' {
				if i >= len(a) {
					s.listOptions(on)
					continue
				}
				if !s.setOption(0, a[i], on) {
					s.errorf("set: Illegal option -o %s", a[i])
					s.fatal(2)
					return 2
				}
				i++
				continue
			}
			if c == 'i' || c == 's' || !s.setOption(c, "", on) {
				s.errorf("set: Illegal option %c%c", arg[0], c)
				s.fatal(2)
				return 2
			}
		}
	}
	if i < len(a) {
		s.setParams(a[i:])
	}
	return 0
}

// setParams replaces the positional parameters; like dash, it restarts
// getopts.
func (s *Shell) setParams(p []string) {
	s.params = append([]string(nil), p...)
	s.optReset = true // getopts starts over; $OPTIND itself keeps its value
}

// listOptions is `set -o` (a table) and `set +o` (commands).
func (s *Shell) listOptions(table bool) {
	var b strings.Builder
	if table {
		b.WriteString("Current option settings\n")
	}
	for _, o := range s.optionTable() {
		if table {
			st := "off"
			if *o.p {
				st = "on"
			}
			fmt.Fprintf(&b, "%-16s%s\n", o.name, st)
		} else {
			sign := "+"
			if *o.p {
				sign = "-"
			}
			fmt.Fprintf(&b, "set %so %s\n", sign, o.name)
		}
	}
	s.out(b.String())
}

func (s *Shell) timesBuiltin() int {
	var t unix.Tms
	unix.Times(&t)
	tick := float64(100)
	f := func(c int64) string {
		sec := float64(c) / tick
		m := int(sec / 60)
		return fmt.Sprintf("%dm%fs", m, sec-float64(m*60))
	}
	return s.out(f(t.Utime) + " " + f(t.Stime) + "\n" + f(t.Cutime) + " " + f(t.Cstime) + "\n")
}

func (s *Shell) unsetBuiltin(a []string) int {
	funcs := false
	for len(a) > 0 && strings.HasPrefix(a[0], "-") && a[0] != "-" {
		if a[0] == "--" {
			a = a[1:]
			break
		}
		for _, c := range a[0][1:] {
			switch c {
			case 'f':
				funcs = true
			case 'v':
				funcs = false
			default:
				s.errorf("unset: Illegal option -%c", c)
				s.fatal(2)
				return 2
			}
		}
		a = a[1:]
	}
	status := 0
	for _, n := range a {
		if funcs {
			delete(s.funcs, n)
			continue
		}
		if !isName(n) {
			s.errorf("unset: %s: bad variable name", n)
			s.fatal(2)
			return 2
		}
		if err := s.unsetVar(n); err != nil {
			s.errorf("unset: %s", err)
			s.fatal(2)
			status = 2
		}
	}
	return status
}

func (s *Shell) localBuiltin(a []string) int {
	if len(s.localSaves) == 0 {
		s.errorf("local: not in a function")
		s.fatal(2)
		return 2
	}
	saves := s.localSaves[len(s.localSaves)-1]
	if saves == nil {
		saves = map[string]*variable{}
		s.localSaves[len(s.localSaves)-1] = saves
	}
	for _, arg := range a {
		if arg == "-" {
			// dash: the options come back when the function returns
			if s.optSaves == nil {
				s.optSaves = map[int]options{}
			}
			if _, ok := s.optSaves[len(s.localSaves)]; !ok {
				s.optSaves[len(s.localSaves)] = s.opts
			}
			continue
		}
		n, val, hasVal := strings.Cut(arg, "=")
		if !isName(n) {
			s.errorf("local: %s: bad variable name", n)
			return 2
		}
		if _, done := saves[n]; !done {
			if old := s.vars[n]; old != nil {
				c := *old
				saves[n] = &c
			} else {
				saves[n] = nil
			}
		}
		if hasVal {
			if err := s.setVar(n, val); err != nil {
				s.errorf("%s", err)
				return 2
			}
		}
	}
	return 0
}

// aliases: expanded when the command word is an unquoted literal naming
// one; the alias text is parsed with the rest of the command's words.
func (s *Shell) aliasBuiltin(a []string) int {
	if len(a) == 0 {
		names := make([]string, 0, len(s.aliases))
		for n := range s.aliases {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			b.WriteString(n + "=" + shellQuote(s.aliases[n]) + "\n")
		}
		return s.out(b.String())
	}
	status := 0
	for _, arg := range a {
		n, v, ok := strings.Cut(arg, "=")
		if !ok || n == "" {
			if val, found := s.aliases[n]; found {
				s.out(n + "=" + shellQuote(val) + "\n")
			} else {
				writeAll(2, []byte("alias: "+arg+" not found\n"))
				status = 1
			}
			continue
		}
		s.aliases[n] = v
	}
	return status
}

func (s *Shell) unaliasBuiltin(a []string) int {
	if len(a) > 0 && a[0] == "-a" {
		s.aliases = map[string]string{}
		return 0
	}
	status := 0
	for _, n := range a {
		if _, ok := s.aliases[n]; !ok {
			writeAll(2, []byte("unalias: "+n+" not found\n"))
			status = 1
			continue
		}
		delete(s.aliases, n)
	}
	return status
}

// expandAlias returns the statements to run instead of the command when
// its first word is an alias: the alias text followed by the other
// words, parsed again. An alias is not expanded inside its own
// expansion (alias echo='echo x' ends), and an alias whose text ends in
// a blank makes the next word a candidate too (alias run='echo ').
func (s *Shell) expandAlias(st *syntax.Stmt, call *syntax.CallExpr) []*syntax.Stmt {
	if len(s.aliases) == 0 {
		return nil
	}
	val, name, ok := s.aliasOf(call.Args[0])
	if !ok {
		return nil
	}
	var b strings.Builder
	b.WriteString(val)
	p := syntax.NewPrinter()
	next := strings.HasSuffix(val, " ") || strings.HasSuffix(val, "\t")
	for _, a := range call.Args[1:] {
		if next {
			if v, _, ok := s.aliasOf(a); ok {
				b.WriteString(v)
				next = strings.HasSuffix(v, " ") || strings.HasSuffix(v, "\t")
				continue
			}
			next = false
		}
		if !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
		p.Print(&b, a)
	}
	f, err := s.newParser().Parse(strings.NewReader(b.String()), "")
	if err != nil || len(f.Stmts) == 0 {
		return nil
	}
	s.aliasSrc = s.newSource(b.String(), s.arg0)
	s.aliasName = name
	first := f.Stmts[0]
	if inner, ok := first.Cmd.(*syntax.CallExpr); ok {
		inner.Assigns = append(append([]*syntax.Assign(nil), call.Assigns...), inner.Assigns...)
	}
	last := f.Stmts[len(f.Stmts)-1]
	last.Redirs = append(last.Redirs, st.Redirs...)
	return f.Stmts
}

// aliasOf returns the alias a word names, if it is an unquoted literal
// naming an alias that is not being expanded already.
func (s *Shell) aliasOf(w *syntax.Word) (string, string, bool) {
	if len(w.Parts) != 1 {
		return "", "", false
	}
	lit, ok := w.Parts[0].(*syntax.Lit)
	if !ok || s.aliasActive[lit.Value] {
		return "", "", false
	}
	val, ok := s.aliases[lit.Value]
	return val, lit.Value, ok
}

func (s *Shell) execAliased(_ *syntax.Stmt, stmts []*syntax.Stmt) int {
	if s.aliasActive == nil {
		s.aliasActive = map[string]bool{}
	}
	name := s.aliasName
	s.aliasActive[name] = true
	prev := s.cur
	s.cur = s.aliasSrc
	defer func() { delete(s.aliasActive, name); s.cur = prev }()
	line := s.lineno
	for _, st := range stmts {
		s.execStmt(st)
		s.lineno = line
		if s.ctl != ctlNone {
			break
		}
	}
	return s.status
}

// commandBuiltin is `command [-p] [-v|-V] name [args]`: run name
// skipping functions, or describe it.
func (s *Shell) commandBuiltin(a []string) int {
	verbose, describe := false, false
	for len(a) > 0 && strings.HasPrefix(a[0], "-") && len(a[0]) > 1 {
		if a[0] == "--" {
			a = a[1:]
			break
		}
		for _, c := range a[0][1:] {
			switch c {
			case 'v':
				describe = true
			case 'V':
				describe, verbose = true, true
			case 'p':
			default:
				s.errorf("command: Illegal option -%c", c)
				return 2
			}
		}
		a = a[1:]
	}
	if len(a) == 0 {
		return 0
	}
	if describe {
		status := 0
		for _, n := range a {
			if st := s.describe(n, verbose, true); st != 0 {
				status = st
			}
		}
		return status
	}
	name := a[0]
	if special, regular := s.kindOf(name); special || regular {
		if name == "exec" {
			return s.execBuiltin(a[1:])
		}
		return s.runBuiltin(name, a)
	}
	return s.runExternal(a, nil, false)
}

func (s *Shell) typeBuiltin(a []string) int {
	status := 0
	for _, n := range a {
		if st := s.describe(n, true, false); st != 0 {
			status = st
		}
	}
	return status
}

// describe answers type and command -v/-V.
func (s *Shell) describe(name string, verbose, command bool) int {
	say := func(short, long string) int {
		if verbose {
			return s.out(name + " is " + long + "\n")
		}
		return s.out(short + "\n")
	}
	if v, ok := s.aliases[name]; ok {
		return say("alias "+name+"="+shellQuote(v), "an alias for "+v)
	}
	if syntax.IsKeyword(name) || name == "{" || name == "}" || name == "!" {
		return say(name, "a shell keyword")
	}
	if _, ok := s.funcs[name]; ok {
		return say(name, "a shell function")
	}
	if special, regular := s.kindOf(name); special {
		return say(name, "a special shell builtin")
	} else if regular {
		return say(name, "a shell builtin")
	}
	if strings.Contains(name, "/") {
		if unix.Access(name, unix.X_OK) == nil {
			return say(name, name)
		}
	} else if s.isApplet(name) {
		return say(name, "a zinebox applet")
	} else if p, ok := s.lookPath(name); ok {
		return say(p, p)
	}
	if verbose {
		if command {
			writeAll(2, []byte(name+": not found\n"))
		} else {
			s.out(name + ": not found\n")
		}
	}
	return 127
}

func (s *Shell) hashBuiltin(a []string) int {
	if len(a) > 0 && a[0] == "-r" {
		s.hash = nil
		return 0
	}
	if len(a) == 0 {
		names := make([]string, 0, len(s.hash))
		for n := range s.hash {
			names = append(names, n)
		}
		sort.Strings(names)
		var b strings.Builder
		for _, n := range names {
			b.WriteString(s.hash[n] + "\n")
		}
		return s.out(b.String())
	}
	status := 0
	for _, n := range a {
		if sp, reg := s.kindOf(n); sp || reg || s.funcs[n] != nil {
			continue
		}
		if _, ok := s.lookPath(n); !ok {
			s.errorf("hash: %s: not found", n)
			status = 1
		}
	}
	return status
}

func (s *Shell) killBuiltin(a []string) int {
	if len(a) == 0 {
		s.errorf("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]")
		return 2
	}
	sig := syscall.SIGTERM
	switch {
	case a[0] == "-l" || a[0] == "-L":
		if len(a) == 1 {
			var b strings.Builder
			b.WriteString("0\n")
			for i := 1; i <= maxSig; i++ {
				b.WriteString(sigName(syscall.Signal(i)) + "\n")
			}
			return s.out(b.String())
		}
		status := 0
		for _, x := range a[1:2] { // dash answers the first only
			n, err := strconv.Atoi(x)
			if err != nil {
				s.errorf("kill: Illegal number: %s", x)
				status = 1
				continue
			}
			if n > 128 {
				n -= 128
			}
			if n <= 0 || n > maxSig {
				s.errorf("kill: invalid signal number or exit status: %s", x)
				status = 1
				continue
			}
			s.out(sigName(syscall.Signal(n)) + "\n")
		}
		return status
	case a[0] == "-s" || a[0] == "-n":
		if len(a) < 2 {
			s.errorf("kill: No arg for -%c option", a[0][1])
			return 2
		}
		sg, ok := parseTrapSignal(a[1])
		if !ok {
			s.errorf("kill: invalid signal number or name: %s", a[1])
			return 2
		}
		sig, a = sg, a[2:]
	case a[0] == "--":
		a = a[1:]
	case strings.HasPrefix(a[0], "-") && len(a[0]) > 1:
		sg, ok := parseTrapSignal(a[0][1:])
		if !ok {
			if c := a[0][1]; c >= '0' && c <= '9' {
				s.errorf("kill: invalid signal number or name: %s", a[0][1:])
			} else {
				s.errorf("kill: Illegal option -%c", c)
			}
			return 2
		}
		sig, a = sg, a[1:]
	}
	status := 0
	for _, x := range a {
		var pid int
		if strings.HasPrefix(x, "%") {
			j := s.jobSpec(x)
			if j == nil {
				if !s.ambiguousJob("kill", x) {
					s.errorf("kill: %s: No such job", x)
				}
				status = 1
				continue
			}
			pid = j.pid
			if j.pgid > 0 {
				pid = -j.pgid
				if j.stopped && sig != 0 && sig != unix.SIGCONT {
					// a stopped job acts on the signal once continued
					defer unix.Kill(pid, unix.SIGCONT)
				}
			}
		} else {
			n, err := strconv.Atoi(x)
			if err != nil {
				s.errorf("kill: Illegal number: %s", x)
				status = 2
				continue
			}
			pid = n
		}
		if err := unix.Kill(pid, sig); err != nil {
			s.errorf("kill: %s\n", errnoMsg(err))
			status = 1
		}
	}
	if sig != 0 {
		// our own signal may be pending: run its trap before the next
		// command, as dash does
		s.waitOwnSignal(a)
	}
	return status
}

// waitOwnSignal gives a signal the shell sent itself a moment to arrive,
// so `kill -USR1 $$; echo after` runs the trap before "after".
func (s *Shell) waitOwnSignal(pids []string) {
	me := strconv.Itoa(os.Getpid())
	self := false
	for _, p := range pids {
		if p == me || p == "0" || p == "-"+me {
			self = true
		}
	}
	if !self {
		return
	}
	if s.sigCh == nil {
		// an untrapped fatal signal: the process dies on another thread
		// of the runtime; do not run the next command meanwhile
		time.Sleep(100 * time.Millisecond)
		return
	}
	s.syncSignals()
}
