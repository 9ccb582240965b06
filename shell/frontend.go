package shell

import (
	"errors"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/userdb"
	"github.com/zinebox/zinebox/shell/interactive"
)

// The interactive front end: when standard input is a terminal, commands
// are read through shell/interactive's Editor (emacs keys, history,
// completion) and the prompts are expanded with bash's backslash escapes.
// Without a terminal (`sh -i < pipe`) the plain prompt loop of main.go
// reads the lines, with dash's prompts on standard error.

// startEditor sets up the line editor when fd 0 is a terminal.
func (s *Shell) startEditor() {
	if !isatty(0) {
		return
	}
	lookup := func(name string) (string, bool) { return s.getVar(name) }
	comp := &interactive.Completer{
		Builtins:  s.BuiltinNames,
		Functions: s.FunctionNames,
		Aliases:   s.AliasNames,
		Applets:   s.AppletNames,
		Vars:      s.VarNames,
		Getenv:    s.Getvar,
		Dir:       func() string { return s.Getvar("PWD") },
	}
	ed := interactive.New(os.Stdin, os.Stderr, interactive.Options{Complete: comp.Complete})
	ed.SetHistorySize(interactive.HistorySize(lookup))
	file := interactive.HistoryFile(lookup)
	if file != "" {
		if err := ed.LoadHistory(file); err != nil && !errors.Is(err, os.ErrNotExist) {
			writeAll(2, []byte(s.arg0+": "+err.Error()+"\n"))
		}
	}
	// kill -INT $$ at the prompt gives a fresh prompt, and a resized
	// window is redrawn at once. The editor's eventfd must not take one
	// of the fds 3-9 that belong to the user (exec 3>file).
	release := holdLowFDs()
	err := ed.EnableSignals()
	release()
	if err == nil {
		// SIGINT has one receiver, catchInterrupts, which hands it to
		// the editor only while a prompt is up (interrupt.go).
		if s.intr != nil {
			s.intr.editor.Store(ed)
		}
		sigs := make(chan os.Signal, 4)
		signal.Notify(sigs, syscall.SIGWINCH)
		go func() {
			for range sigs {
				ed.Resized()
			}
		}()
	}
	s.editor = ed
	s.lineSource = &interactive.Source{Editor: ed, File: file}
	if v := s.vars["PS1"]; v != nil && !v.exported && (v.value == "$ " || v.value == "# ") {
		// PS1 was not given to us: bash's default, user@host:dir$
		v.value = interactive.DefaultPS1
	}
}

// holdLowFDs fills the free descriptors 3-9 with placeholders until
// release is called, so that a descriptor the shell opens for itself in
// between lands above 9.
func holdLowFDs() (release func()) {
	var held []int
	for fd := 3; fd <= 9; fd++ {
		if _, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0); err == nil {
			continue
		}
		nfd, err := unix.Open("/", unix.O_RDONLY|unix.O_CLOEXEC|unix.O_DIRECTORY, 0)
		if err != nil {
			break
		}
		held = append(held, nfd)
	}
	return func() {
		for _, fd := range held {
			unix.Close(fd)
		}
	}
}

// promptText is PS1 or PS2 expanded for the line editor: bash's escapes
// (\u \h \w \$ \j \? ...), then parameters and command substitutions.
func (s *Shell) promptText(name string) string {
	v, _ := s.getVar(name)
	if s.editor == nil {
		return s.expandPrompt(v)
	}
	if name == "PS1" {
		s.notifyJobs()
		s.applyHistSize()
	}
	s.saveTermios()
	host, _ := os.Hostname()
	env := interactive.PromptEnv{
		User:    s.userName(),
		Host:    host,
		Cwd:     s.Getvar("PWD"),
		Home:    s.Getvar("HOME"),
		UID:     os.Geteuid(),
		Jobs:    len(s.jobs),
		Status:  s.status,
		Shell:   s.arg0,
		Version: applet.Version,
		HistNum: s.editor.HistoryBase() + len(s.editor.History()),
		Expand:  s.expandPrompt,
	}
	return interactive.ExpandPrompt(v, env)
}

// userName is \u: the name of the effective user, from /etc/passwd.
func (s *Shell) userName() string {
	uid := os.Geteuid()
	if name, ok := userdb.New("/etc").UserName(uint32(uid)); ok {
		return name
	}
	if u := s.Getvar("USER"); u != "" {
		return u
	}
	return strconv.Itoa(uid)
}

// historyBuiltin is `history [-c] [n]`.
func (s *Shell) historyBuiltin(args []string) int {
	if s.editor == nil {
		return 0
	}
	s.applyHistSize() // HISTSIZE=1; history
	n := -1
	for _, a := range args {
		switch {
		case a == "-c":
			s.editor.ClearHistory()
			return 0
		case a == "--":
		default:
			v, err := strconv.Atoi(a)
			if err != nil || v < 0 {
				s.errorf("history: %s: numeric argument required", a)
				return 1
			}
			n = v
		}
	}
	s.out(interactive.FormatHistory(s.editor.History(), s.editor.HistoryBase(), n))
	return 0
}

// applyHistSize gives the history the length $HISTSIZE says now: bash
// applies an assignment at once, not at the next prompt.
func (s *Shell) applyHistSize() {
	s.editor.SetHistorySize(interactive.HistorySize(func(n string) (string, bool) { return s.getVar(n) }))
}

// fcBuiltin is `fc -l [-nr] [first [last]]`; editing (fc without -l) is
// not supported.
func (s *Shell) fcBuiltin(args []string) int {
	if s.editor != nil {
		s.applyHistSize()
	}
	list, noNum, reverse := false, false, false
	var ops []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			ops = append(ops, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && !isNumber(a[1:]) {
			for _, c := range a[1:] {
				switch c {
				case 'l':
					list = true
				case 'n':
					noNum = true
				case 'r':
					reverse = true
				default:
					s.errorf("fc: -%c: invalid option", c)
					return 2
				}
			}
			continue
		}
		ops = append(ops, a)
	}
	if !list {
		s.errorf("fc: only fc -l is supported")
		return 2
	}
	if s.editor == nil {
		return 0
	}
	h := s.editor.History()
	if len(h) > 0 {
		h = h[:len(h)-1] // the fc command itself
	}
	first, last := "", ""
	if len(ops) > 0 {
		first = ops[0]
	}
	if len(ops) > 1 {
		last = ops[1]
	}
	out, err := interactive.FcList(h, s.editor.HistoryBase(), first, last, noNum, reverse)
	if err != nil {
		s.errorf("fc: no command found")
		return 1
	}
	s.out(out)
	return 0
}

func isNumber(t string) bool {
	if t == "" {
		return false
	}
	for _, c := range t {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// readProfiles runs the start-up files: /etc/profile and ~/.profile for
// a login shell, then $ENV for an interactive one.
func (s *Shell) readProfiles() {
	if s.login {
		s.dotQuiet("/etc/profile")
		if home := s.Getvar("HOME"); home != "" {
			s.dotQuiet(strings.TrimSuffix(home, "/") + "/.profile")
		}
	}
	if !s.opts.interactive {
		return
	}
	// POSIX: an interactive shell runs the file $ENV names (after
	// parameter expansion)
	if env, ok := s.getVar("ENV"); ok && env != "" {
		if w, err := s.newParser().Document(strings.NewReader(env)); err == nil {
			if file, err := s.document(w); err == nil && file != "" {
				s.dotQuiet(file)
			}
		}
	}
}

// dotQuiet is `. file` for a start-up file: a missing file is no error,
// and an `exit` or error in it does not end the shell.
func (s *Shell) dotQuiet(file string) {
	if _, err := os.Stat(file); err != nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(exitStatus); !ok {
				panic(r)
			}
		}
	}()
	s.dotBuiltin([]string{file})
}
