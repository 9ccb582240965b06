package shell

import (
	"bytes"
	"errors"
	"fmt"
	zsig "github.com/zinebox/zinebox/pkg/signal"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/shell/interactive"
	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/syntax"
)

// stateEnv names the environment variable through which a parent shell
// tells a re-executed subshell which inherited fd holds its state.
const stateEnv = "ZINEBOX_SH_STATE"

// ignoreEnv carries, from a shell to a zinebox sh it runs, the signals
// the parent ignores: a Go program cannot inherit SIG_IGN for most
// signals (the runtime installs its own handlers at start).
const ignoreEnv = zsig.IgnoreEnv

// stayOnLeaderThread keeps the shell's goroutine, which forks and waits
// for its children, on the process's first thread when it is there now.
// The kernel hands a signal sent to the process (kill -TERM $$ from a
// child) to that thread when it is asleep in wait4, which interrupts the
// wait: an untrapped SIGTERM then kills the shell before it can run the
// next command. Waiting on another thread, the shell could see its child
// exit and run a command before the thread that took the signal was
// scheduled to die (seen under load: dash never runs it).
func stayOnLeaderThread() {
	if unix.Gettid() == unix.Getpid() {
		runtime.LockOSThread()
	}
}

// Main runs the shell as a process: `sh [-abCefimnuvx] [-o opt]... [-c
// string [name [arg...]] | -s [arg...] | file [arg...]]`. It uses the real
// file descriptors 0, 1 and 2, not io's streams: the shell's children must
// inherit them.
func Main(aio *applet.IO, args []string) int {
	// The shell never writes through aio.Stdout, so applet.RunProcess's
	// flush-on-signal handler (installed on first buffering) never comes
	// between the shell and its signals.
	reserveLowFDs()
	defaultSignals()
	stayOnLeaderThread()
	if _, ok := aio.LookupEnv("GOGC"); !ok {
		// The interpreter's live heap is tiny; collecting at 25% growth
		// instead of 100% keeps a long loop's RSS near dash's without
		// costing measurable time (issue 7's RSS target).
		debug.SetGCPercent(25)
	}
	env := aio.Env
	var inherited []syscall.Signal
	if list, ok := aio.LookupEnv(ignoreEnv); ok {
		// our parent shell ignores these (trap '' SIG): Go's runtime did
		// not keep them ignored for us, so ignore them again
		env = withoutVar(env, ignoreEnv)
		for _, f := range strings.Split(list, ",") {
			if n, err := strconv.Atoi(f); err == nil && n > 0 && n <= maxSig {
				signal.Ignore(syscall.Signal(n))
				inherited = append(inherited, syscall.Signal(n))
			}
		}
	}
	if fdstr, ok := aio.LookupEnv(stateEnv); ok {
		env = withoutVar(env, stateEnv)
		s := New(aio.Applets, env)
		s.bashMode = aio.Name == "bash"
		return s.runSubshell(fdstr)
	}
	s := New(aio.Applets, env)
	for _, sig := range inherited {
		s.ignored[sig] = true
	}
	s.bashMode = aio.Name == "bash"
	s.arg0 = aio.Name
	// A login shell is started with a dash before its name (login(1),
	// su -, init). The multicall dispatcher strips that dash to find the
	// applet, so look at the process's own argv[0] too. $0 keeps the dash,
	// as in dash and bash ("-sh: 1: x: not found").
	if a0 := filepath.Base(os.Args[0]); !strings.HasPrefix(s.arg0, "-") && a0 == "-"+aio.Name {
		s.arg0 = a0
	}
	if strings.HasPrefix(s.arg0, "-") {
		s.login = true
	}
	return s.main(args)
}

func withoutVar(env []string, name string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// reserveLowFDs makes sure the Go runtime's own descriptors (the epoll
// instance of the network poller) live above 9, since the shell's user
// may dup2 onto any of 0-9 (`exec 3>f`). Free slots 3-9 are filled with
// placeholders while the poller starts, then released.
func reserveLowFDs() {
	// Go 1.25's runtime keeps the cgroup CPU quota files open (at 3 and
	// 4, close-on-exec) to adjust GOMAXPROCS. They are not the user's:
	// close them. The runtime only ever pread(2)s them, which fails
	// harmlessly on whatever the user opens there later.
	for fd := 3; fd <= 9; fd++ {
		flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0)
		if err != nil || flags&unix.FD_CLOEXEC == 0 {
			continue
		}
		if target, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(fd)); err == nil && strings.HasPrefix(target, "/sys/fs/cgroup/") {
			unix.Close(fd)
		}
	}
	var held []int
	for fd := 3; fd <= 9; fd++ {
		if _, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0); err == nil {
			continue
		}
		// "/" exists even before /dev is mounted (an early boot shell)
		nfd, err := unix.Open("/", unix.O_RDONLY|unix.O_CLOEXEC|unix.O_DIRECTORY, 0)
		if err != nil {
			break
		}
		held = append(held, nfd)
	}
	if r, w, err := os.Pipe(); err == nil { // starts the poller
		r.Close()
		w.Close()
	}
	for _, fd := range held {
		unix.Close(fd)
	}
}

func (s *Shell) main(args []string) (status int) {
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
	var cmdString *string
	i := 0
	forceStdin := false
	monitorSet := false
	for i < len(args) {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if a == "--help" {
			fmt.Print("Usage: sh [-abCefimnuvx] [-o option]... [-c command_string [name [argument...]] | -s [argument...] | file [argument...]]\n")
			return 0
		}
		if a == "--version" {
			fmt.Printf("sh (zinebox) %s\n", applet.Version)
			return 0
		}
		if len(a) < 2 || (a[0] != '-' && a[0] != '+') {
			break
		}
		on := a[0] == '-'
		i++
		for j := 1; j < len(a); j++ {
			c := a[j]
			switch c {
			case 'c':
				cmdString = new(string)
			case 's':
				forceStdin = true
			case 'o':
				if i >= len(args) {
					s.errorf("-o: option requires an argument") // dash lists options here
					return 2
				}
				if !s.setOption(0, args[i], on) {
					s.errorf("Illegal option -o %s", args[i])
					return 2
				}
				i++
			case 'l':
				s.login = true
			default:
				if c == 'm' {
					monitorSet = true
				}
				if !s.setOption(c, "", on) {
					s.errorf("Illegal option %c%c", a[0], c)
					return 2
				}
			}
		}
	}
	args = args[i:]
	switch {
	case cmdString != nil:
		if len(args) == 0 {
			s.errorf("-c requires an argument")
			return 2
		}
		*cmdString = args[0]
		if len(args) > 1 {
			s.arg0 = args[1]
			s.params = append([]string(nil), args[2:]...)
		}
		if s.login {
			s.readProfiles()
		}
		src := s.newSource(*cmdString, s.arg0)
		s.runSource(src, strings.NewReader(*cmdString), true)
	case len(args) > 0 && !forceStdin:
		s.arg0 = args[0]
		s.params = append([]string(nil), args[1:]...)
		data, err := os.ReadFile(args[0])
		if err != nil {
			code := 127
			if !os.IsNotExist(err) {
				code = 126
			}
			fmt.Fprintf(os.Stderr, "%s: 0: cannot open %s: %s\n", s.errPrefix(), args[0], errnoShort(err))
			return code
		}
		src := s.newSource(string(data), s.arg0)
		s.runSource(src, bytes.NewReader(data), true)
	default:
		s.opts.stdin = true
		s.params = append([]string(nil), args...)
		if !s.opts.interactive && isatty(0) && isatty(2) {
			s.opts.interactive = true
		}
		if s.opts.interactive && !monitorSet {
			s.opts.monitor = true // POSIX: set -m is on in an interactive shell
		}
		if s.opts.interactive {
			// An interactive shell survives Ctrl-C, Ctrl-\ and kill: as
			// dash does, it catches SIGINT and ignores SIGQUIT and SIGTERM.
			// Caught, not ignored, so the commands it runs get the default
			// actions back at execve. (Job control is issue 8.)
			// A SIGINT that reaches the shell while it runs its own code
			// (a loop of builtins, read, wait) abandons the command line.
			quiet := make(chan os.Signal, 4)
			signal.Notify(quiet, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM)
			go s.catchInterrupts()(quiet)
			if s.opts.monitor {
				s.initJobControl("")
				defer s.endJobControl()
			}
			s.startEditor()
		}
		s.readProfiles()
		s.runStdin()
	}
	return s.status
}

// errnoShort is dash's wording for open errors: "No such file".
func errnoShort(err error) string {
	if os.IsNotExist(err) {
		return "No such file"
	}
	return errno.Message(err)
}

func isatty(fd int) bool {
	_, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	return err == nil
}

func (s *Shell) newSource(text, name string) *source {
	src := &source{id: len(s.sources), text: text, name: name}
	s.sources = append(s.sources, src)
	return src
}

// newParser returns the parser for the shell's language: POSIX sh, or bash
// when the shell was started as bash.
func (s *Shell) newParser() *syntax.Parser {
	if s.bashMode {
		return syntax.NewParser(syntax.Variant(syntax.LangBash))
	}
	return syntax.NewParser(syntax.Variant(syntax.LangPOSIX))
}

// runSource parses r one complete command at a time and runs each as soon
// as it is parsed, as dash does: commands before a syntax error run, and
// the error then ends the shell (status 2).
func (s *Shell) runSource(src *source, r io.Reader, top bool) {
	prev := s.cur
	s.cur = src
	defer func() { s.cur = prev }()
	p := s.newParser()
	// dash parses a whole line before running any of it: a syntax error
	// later on the same line means none of the line runs. Statements are
	// held until one starting on a later line has been parsed.
	var pending []*syntax.Stmt
	verboseOff := 0
	executed, skip := 0, 0
	flush := func(beforeLine uint) bool {
		n := 0
		for _, st := range pending {
			if beforeLine > 0 && st.Pos().Line() >= beforeLine {
				break
			}
			n++
			if s.opts.verbose {
				verboseOff = s.echoInput(src, verboseOff, st.End())
			} else {
				verboseOff = endOfLine(src, st.End())
			}
			if s.opts.noexec && !s.opts.interactive {
				continue
			}
			executed++
			if executed <= skip {
				continue // already run before a re-parse (see below)
			}
			s.execStmt(st)
			if s.ctl != ctlNone {
				pending = nil
				return false
			}
		}
		pending = pending[n:]
		return true
	}
	err := p.Stmts(r, func(st *syntax.Stmt) bool {
		if len(pending) > 0 && st.Pos().Line() > pending[len(pending)-1].End().Line() {
			if !flush(0) {
				return false
			}
		}
		pending = append(pending, st)
		return true
	})
	if pe, ok := err.(syntax.ParseError); ok && strings.HasPrefix(pe.Text, "unclosed here-document ") && !s.opts.interactive && r != nil {
		// dash ends a here-document at end of file: parse again with
		// the delimiter supplied, skipping the commands already run
		if delim := strings.Trim(strings.TrimPrefix(pe.Text, "unclosed here-document "), "`"); delim != "" && !strings.HasSuffix(src.text, "\n"+delim+"\n") {
			text := src.text
			if !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			text += delim + "\n"
			skip, executed, pending = executed, 0, nil
			src.text = text
			p = s.newParser()
			err = p.Stmts(strings.NewReader(text), func(st *syntax.Stmt) bool {
				if len(pending) > 0 && st.Pos().Line() > pending[len(pending)-1].End().Line() {
					if !flush(0) {
						return false
					}
				}
				pending = append(pending, st)
				return true
			})
		}
	}
	if err != nil {
		line := uint(1 << 30)
		if pe, ok := err.(syntax.ParseError); ok {
			line = pe.Pos.Line()
		}
		if !flush(line) {
			return
		}
		if s.opts.verbose && verboseOff < len(src.text) {
			writeAll(2, []byte(src.text[verboseOff:]))
		}
		s.syntaxError(err)
		return
	}
	if flush(0) && s.opts.verbose && verboseOff < len(src.text) {
		writeAll(2, []byte(src.text[verboseOff:]))
	}
}

func endOfLine(src *source, end syntax.Pos) int {
	e := int(end.Offset())
	if e > len(src.text) {
		return len(src.text)
	}
	if i := strings.IndexByte(src.text[e:], '\n'); i >= 0 {
		return e + i + 1
	}
	return len(src.text)
}

// echoInput writes the input from off to the end of the line holding
// end, for set -v, and returns the new offset.
func (s *Shell) echoInput(src *source, off int, end syntax.Pos) int {
	e := int(end.Offset())
	if e > len(src.text) {
		e = len(src.text)
	}
	if i := strings.IndexByte(src.text[e:], '\n'); i >= 0 {
		e += i + 1
	} else {
		e = len(src.text)
	}
	if e > off {
		writeAll(2, []byte(src.text[off:e]))
		return e
	}
	return off
}

// stmtText returns the source text of a statement.
func stmtText(src *source, n syntax.Node) string {
	a, b := int(n.Pos().Offset()), int(n.End().Offset())
	if a >= 0 && b <= len(src.text) && a <= b {
		return src.text[a:b]
	}
	return ""
}

// syntaxError reports a parse error the way dash does and exits with 2
// (a non-interactive shell) or returns (interactive).
func (s *Shell) syntaxError(err error) {
	line := 1
	msg := err.Error()
	var pe syntax.ParseError
	if e, ok := err.(syntax.ParseError); ok {
		pe = e
		line = int(pe.Pos.Line())
		msg = dashSyntaxMessage(pe.Text)
		if pe.Incomplete && s.cur != nil {
			line = strings.Count(s.cur.text, "\n") + 1
			msg = "end of file unexpected"
		} else if s.cur != nil && (strings.Contains(pe.Text, "must be followed by") || strings.Contains(pe.Text, "cannot form a statement alone") || strings.HasPrefix(pe.Text, "reached `)` without matching `$((`")) {
			if strings.HasPrefix(pe.Text, "reached `)`") {
				msg = "Missing '))'"
			}
			// the missing word was looked for on the next line: dash
			// counts the newline it found instead
			off := int(pe.Pos.Offset())
			if off < len(s.cur.text) {
				rest := s.cur.text[off:]
				if i := strings.IndexByte(rest, '\n'); i >= 0 {
					tok := strings.TrimSpace(rest[:i])
					if !strings.ContainsAny(tok, " \t") {
						line++
						if !strings.HasPrefix(msg, "Missing") {
							msg = "newline unexpected"
						}
					}
				}
			}
		}
	} else if e, ok := err.(syntax.LangError); ok {
		line = int(e.Pos.Line())
	}
	if strings.Contains(msg, "is a bash") || strings.Contains(msg, "bash/mksh") {
		if strings.Contains(msg, "slicing") || strings.Contains(msg, "replace") || strings.Contains(msg, "${") || strings.Contains(msg, "nested") || strings.Contains(msg, "parameter") {
			fmt.Fprintf(os.Stderr, "%s: %d: %sBad substitution\n", s.errPrefix(), line, s.synPrefix)
			s.status = 2
			if !s.opts.interactive {
				panic(exitStatus(2))
			}
			return
		}
	}
	fmt.Fprintf(os.Stderr, "%s: %d: %sSyntax error: %s\n", s.errPrefix(), line, s.synPrefix, msg)
	s.status = 2
	if !s.opts.interactive {
		panic(exitStatus(2))
	}
}

// dashSyntaxMessage rewords mvdan's parse errors into dash's wording
// where the two correspond.
func dashSyntaxMessage(m string) string {
	switch {
	case strings.HasPrefix(m, "reached EOF without matching"), strings.HasPrefix(m, "reached EOF"):
		return "end of file unexpected"
	case strings.Contains(m, "must be followed by"):
		return "end of file unexpected"
	case strings.HasPrefix(m, "not a valid word: "):
	}
	if strings.HasSuffix(m, " can only be used to close a subshell") || strings.HasPrefix(m, "a command can only contain words and redirects; encountered ") {
		tok := m[strings.LastIndexByte(m, ' ')+1:]
		return fmt.Sprintf("%q unexpected", tok)
	}
	return m
}

// errPrefix is what dash puts before ": LINE: message": $0.
func (s *Shell) errPrefix() string {
	return s.arg0
}

// errorf prints "sh: LINE: message" on standard error.
func (s *Shell) errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	writeAll(2, []byte(fmt.Sprintf("%s: %d: %s%s\n", s.errPrefix(), s.lineno, s.errCtx, msg)))
}

// runStdin reads commands from standard input, interactively or not.
func (s *Shell) runStdin() {
	if s.opts.interactive {
		s.interactiveLoop()
		return
	}
	rec := &recordingReader{fd: 0}
	src := s.newSource("", s.arg0)
	rec.src = src
	s.runSource(src, rec, true)
}

// recordingReader reads a script from a file descriptor and keeps what it
// read in src.text, so subshells can be handed the text of their node.
type recordingReader struct {
	fd    int
	src   *source
	lines bool // at most one line per Read (interactive prompts)
}

func (r *recordingReader) Read(p []byte) (int, error) {
	if r.lines {
		n := 0
		for n < len(p) {
			k, err := unix.Read(r.fd, p[n:n+1])
			if err == unix.EINTR {
				continue
			}
			if k <= 0 {
				break
			}
			n++
			if p[n-1] == '\n' {
				break
			}
		}
		r.src.text += string(p[:n])
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
	for {
		n, err := unix.Read(r.fd, p)
		if err == unix.EINTR {
			continue
		}
		if n > 0 {
			r.src.text += string(p[:n])
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		return 0, io.EOF
	}
}

// interactiveLoop is the prompt loop: PS1 before a command, PS2 before
// each continuation line, both on standard error; input is read one line
// at a time so the prompts come when they are due even from a pipe.
// Line editing and job control come with issue 8.
func (s *Shell) interactiveLoop() {
	rec := &recordingReader{fd: 0, lines: true}
	for {
		src := s.newSource("", s.arg0)
		rec.src = src
		s.cur = src
		p := s.newParser()
		err := p.Interactive(promptReader{s, rec, p}, func(stmts []*syntax.Stmt) bool {
			for _, st := range stmts {
				s.execStmt(st)
				s.takeInterrupt()
				intr := s.ctl == ctlInterrupt
				s.ctl = ctlNone
				s.exitWarned, s.exitWarnNow = s.exitWarnNow, false
				if intr {
					s.status = 130
					break
				}
			}
			return true
		})
		if errors.Is(err, interactive.ErrInterrupted) {
			// Ctrl-C at the prompt: the command being typed is dropped
			s.status = 130
			continue
		}
		if err == nil || errors.Is(err, io.EOF) {
			// end of input (Ctrl-D)
			if s.editor != nil {
				writeAll(2, []byte("exit\n")) // bash
			} else {
				writeAll(2, []byte("\n")) // dash
			}
			if s.stoppedJobsWarning() {
				s.exitWarned, s.exitWarnNow = true, false
				continue
			}
			return
		}
		s.syntaxError(err)
	}
}

type promptReader struct {
	s *Shell
	r io.Reader
	p *syntax.Parser
}

func (pr promptReader) Read(b []byte) (int, error) {
	if rest := pr.s.pendingLine; rest != "" {
		n := copy(b, rest)
		pr.s.pendingLine = rest[n:]
		return n, nil
	}
	name := "PS1"
	if pr.p.Incomplete() {
		name = "PS2"
	}
	if ls := pr.s.lineSource; ls != nil {
		// issue 8's line editor: it shows the prompt itself
		pr.s.runPendingTraps()
		prompt := pr.s.promptText(name)
		if pr.s.intr != nil {
			// SIGINT at the prompt is the editor's (a fresh line)
			pr.s.intr.reading.Store(true)
			pr.s.intr.pending.Store(false)
		}
		line, err := ls.ReadLine(prompt)
		if pr.s.intr != nil {
			pr.s.intr.reading.Store(false)
		}
		if rec, ok := pr.r.(*recordingReader); ok {
			rec.src.text += line
		}
		n := copy(b, line)
		if n == 0 && err != nil {
			return 0, err
		}
		if n < len(line) {
			pr.s.pendingLine = line[n:]
		}
		return n, nil
	}
	pr.s.prompt(name)
	return pr.r.Read(b)
}

func (s *Shell) prompt(name string) {
	s.runPendingTraps()
	if name == "PS1" && s.opts.interactive {
		s.notifyJobs()
	}
	v, _ := s.getVar(name)
	writeAll(2, []byte(s.expandPrompt(v)))
}
