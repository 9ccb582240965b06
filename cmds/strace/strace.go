// Package strace implements strace(1): trace the system calls and signals
// of a command (or of running processes with -p), in strace 6's format.
// The engine and the decoding live in pkg/strace; this is the command line.
package strace

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	ossignal "os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/signal"
	pstrace "github.com/zinebox/zinebox/pkg/strace"
	"golang.org/x/sys/unix"
)

//go:embed strace.1
var manPage string

var Applet = applet.Applet{
	Name:    "strace",
	Summary: "trace system calls and signals",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:          "strace",
	Usage:         []string{"[-fcqtTy] [-e EXPR]... [-o FILE] [-s STRSIZE] [-p PID]... PROG [ARGS]"},
	Summary:       "Trace the system calls and signals of PROG, or of the running processes PID.",
	StopAtOperand: true,
	Options: []getopt.Option{
		{Short: 'f', Long: "follow-forks", Help: "follow forks: trace child processes and threads too"},
		{Short: 'c', Long: "summary-only", Help: "count time, calls, and errors for each system call and report a summary"},
		{Short: 'e', Arg: getopt.RequiredArg, ArgName: "EXPR", Help: "trace=SET (names or classes: file process network signal ipc desc memory),\nsignal=SET; a leading ! negates"},
		{Short: 'o', Long: "output", Arg: getopt.RequiredArg, ArgName: "FILE", Help: "send trace output to FILE instead of stderr"},
		{Short: 'p', Long: "attach", Arg: getopt.RequiredArg, ArgName: "PID", Help: "trace process with process id PID, may be repeated"},
		{Short: 's', Long: "string-limit", Arg: getopt.RequiredArg, ArgName: "STRSIZE", Help: "limit length of print strings to STRSIZE chars (default 32)"},
		{Short: 't', Help: "print absolute timestamp (-tt: with usecs, -ttt: since the epoch)"},
		{Short: 'T', Long: "syscall-times", Help: "print time spent in each syscall"},
		{Short: 'q', Long: "quiet", Help: "suppress messages about attaching and detaching\n(-qq: and about processes exiting)"},
		{Short: 'y', Long: "decode-fds", Help: "print paths associated with file descriptor arguments"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	opt := pstrace.Options{Out: io.Stderr, Messages: io.Stderr, StrSize: 32}
	var pids []int
	outFile := ""
	tcount := 0
	for _, o := range r.Opts {
		switch o.Key {
		case "follow-forks":
			opt.Follow = true
		case "summary-only":
			opt.Summary = true
		case "quiet":
			opt.QuietExit = opt.Quiet // the second -q
			opt.Quiet = true
		case "decode-fds":
			opt.DecodeFDs = true
		case "t":
			tcount++
		case "syscall-times":
			opt.Durations = true
		case "output":
			outFile = o.Value
		case "string-limit":
			n, err := strconv.Atoi(o.Value)
			if err != nil || n < 0 {
				io.Errorf("invalid -s argument: '%s'", o.Value)
				fmt.Fprintf(io.Stderr, "Try '%s -h' for more information.\n", io.Name)
				return 1
			}
			opt.StrSize = n
		case "attach":
			for _, f := range strings.FieldsFunc(o.Value, func(r rune) bool { return r == ',' || r == ' ' }) {
				n, err := strconv.Atoi(f)
				if err != nil || n <= 0 {
					io.Errorf("Invalid process id: '%s'", f)
					return 1
				}
				pids = append(pids, n)
			}
		case "e":
			if err := expr(&opt, o.Value); err != nil {
				io.Errorf("%s", err)
				return 1
			}
		}
	}
	opt.TimeLevel = tcount
	if len(r.Operands) == 0 && len(pids) == 0 {
		io.Errorf("must have PROG [ARGS] or -p PID")
		fmt.Fprintf(io.Stderr, "Try '%s -h' for more information.\n", io.Name)
		return 1
	}
	if outFile != "" {
		f, err := os.OpenFile(io.Path(outFile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			io.Errorf("Can't fopen '%s': %s", outFile, errno.Message(err))
			return 1
		}
		defer f.Close()
		opt.Out, opt.OutIsFile = f, true
	}
	tr := pstrace.New(opt)
	if len(pids) > 0 {
		stop := make(chan struct{})
		sigs := make(chan os.Signal, 1)
		ossignal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
		defer ossignal.Stop(sigs)
		caught := make(chan syscall.Signal, 1)
		go func() {
			s := <-sigs
			if sig, ok := s.(syscall.Signal); ok {
				caught <- sig
			}
			close(stop)
		}()
		if _, err := tr.Attach(pids, stop); err != nil {
			io.Errorf("%s", errnoText(err))
			return 1
		}
		// Detached because we were told to stop: die of the same signal,
		// as strace does (the shell then sees 130 for ^C).
		select {
		case s := <-caught:
			io.Stdout.Flush()
			signal.Die(s)
		default:
		}
		return 0
	}
	argv := r.Operands
	path, err := lookPath(io, argv[0])
	if err != nil {
		io.Errorf("Can't stat '%s': %s", argv[0], errno.Message(err))
		return 1
	}
	// Ctrl-C reaches the traced command through the terminal; strace
	// itself keeps going until the command is gone. The signals are
	// caught, not ignored: an ignored signal stays ignored across
	// execve, and the command would then not die of ^C.
	quiet := make(chan os.Signal, 1)
	ossignal.Notify(quiet, syscall.SIGINT, syscall.SIGQUIT)
	defer ossignal.Stop(quiet)
	status, err := tr.Run(path, argv, io.Env, io.Dir)
	if err != nil {
		var e syscall.Errno
		if errors.As(err, &e) {
			// The exec failed in the child: show it as strace does.
			w := opt.Out
			fmt.Fprintf(w, "execve(%q, %s, %#x /* %d vars */) = -1 %s (%s)\n", path, quoteArgs(argv), envAddr(io.Env), len(io.Env), errno.Name(e), errno.Text(e))
			io.Errorf("exec: %s", errno.Text(e))
			fmt.Fprintf(w, "+++ exited with 1 +++\n")
			return 1
		}
		io.Errorf("%s", err)
		return 1
	}
	if status.Signal != 0 {
		io.Stdout.Flush()
		signal.Die(status.Signal)
	}
	return status.Code
}

func quoteArgs(argv []string) string {
	parts := make([]string, len(argv))
	for i, a := range argv {
		parts[i] = strconv.Quote(a)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// envAddr is the address of our environment array, shown where strace
// shows the envp pointer of the failed execve.
func envAddr(env []string) uintptr {
	if len(env) == 0 {
		return 0
	}
	return uintptr(unsafe.Pointer(&env[0]))
}

func errnoText(err error) string {
	var e syscall.Errno
	if errors.As(err, &e) {
		return strings.TrimSuffix(err.Error(), e.Error()) + errno.Text(e)
	}
	return err.Error()
}

// expr applies one -e expression: trace=SET, signal=SET (or a bare SET,
// which means trace=SET); abbrev, verbose and raw are accepted and ignored.
func expr(opt *pstrace.Options, e string) error {
	key, val, ok := strings.Cut(e, "=")
	if !ok {
		key, val = "trace", e
	}
	switch key {
	case "trace", "t":
		f, err := pstrace.Filter(val)
		if err != nil {
			return err
		}
		opt.Trace = f
	case "signal", "signals", "s":
		f, err := signalFilter(val)
		if err != nil {
			return err
		}
		opt.ShowSignal = f
	case "abbrev", "a", "verbose", "v", "raw", "x", "read", "r", "write", "w":
	default:
		// Not a qualifier: strace reads the whole expression as a set
		// of system calls, and names what it cannot find.
		f, err := pstrace.Filter(e)
		if err != nil {
			return err
		}
		opt.Trace = f
	}
	return nil
}

// signalFilter builds the ShowSignal function of -e signal=SET.
func signalFilter(set string) (func(int) bool, error) {
	return pstrace.Set(set, 65, func(item string, want []bool) error {
		s, ok := signal.Parse(item)
		if !ok || s == 0 {
			return fmt.Errorf("invalid signal '%s'", item)
		}
		want[s] = true
		return nil
	})
}

// lookPath finds the program as strace does: a name with a slash as is,
// else in PATH.
func lookPath(io *applet.IO, name string) (string, error) {
	if strings.Contains(name, "/") {
		if _, err := os.Stat(io.Path(name)); err != nil {
			return "", err
		}
		return name, nil
	}
	path, ok := io.LookupEnv("PATH")
	if !ok {
		path = "/usr/local/bin:/usr/bin:/bin"
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", unix.ENOENT
}

var _ io.Writer = (*os.File)(nil)
