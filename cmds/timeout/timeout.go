// Package timeout implements timeout(1): run a command with a time limit.
//
// GNU coreutils' timeout is the model. timeout puts itself in a process
// group of its own (unless --foreground), starts the command, and when the
// time is up sends the signal (TERM by default) to the command and then to
// the whole group, so that the command's children go too; with -k it
// follows up with KILL. It exits 124 when the time ran out (unless
// --preserve-status), with the command's status otherwise, and dies of the
// same signal as the command when the command was killed by someone else.
// 125: timeout failed; 126: command not executable; 127: not found.
package timeout

import (
	_ "embed"
	"errors"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"

	"github.com/zinebox/zinebox/cmds/sleep"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/execpath"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
	zsignal "github.com/zinebox/zinebox/pkg/signal"
	"golang.org/x/sys/unix"
)

//go:embed timeout.1
var manPage string

var Applet = applet.Applet{
	Name:    "timeout",
	Summary: "run a command with a time limit",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:          "timeout",
	Usage:         []string{"[OPTION] DURATION COMMAND [ARG]...", "[OPTION]"},
	Summary:       "Start COMMAND, and kill it if still running after DURATION.",
	StopAtOperand: true,
	Options: []getopt.Option{
		{Long: "preserve-status", Help: "exit with the same status as COMMAND, even when the\n  command times out"},
		{Long: "foreground", Help: "when not running timeout directly from a shell prompt,\n  allow COMMAND to read from the TTY and get TTY signals;\n  in this mode, children of COMMAND will not be timed out"},
		{Short: 'k', Long: "kill-after", Arg: getopt.RequiredArg, ArgName: "DURATION", Help: "also send a KILL signal if COMMAND is still running\n  this long after the initial signal was sent"},
		{Short: 's', Long: "signal", Arg: getopt.RequiredArg, ArgName: "SIGNAL", Help: "specify the signal to be sent on timeout;\n  SIGNAL may be a name like 'HUP' or a number;\n  see 'kill -l' for a list of signals"},
		{Short: 'v', Long: "verbose", Help: "diagnose to stderr any signal sent upon timeout"},
	},
	Footer: "DURATION is a floating point number with an optional suffix:\n" +
		"'s' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.\n" +
		"A duration of 0 disables the associated timeout.\n\n" +
		"Upon timeout, send the TERM signal to COMMAND, if no other SIGNAL specified.\n" +
		"The TERM signal kills any process that does not block or catch that signal.\n" +
		"It may be necessary to use the KILL signal, since this signal can't be caught.\n\n" +
		"Exit status:\n" +
		"  124  if COMMAND times out, and --preserve-status is not specified\n" +
		"  125  if the timeout command itself fails\n" +
		"  126  if COMMAND is found but cannot be invoked\n" +
		"  127  if COMMAND cannot be found\n" +
		"  137  if COMMAND (or timeout itself) is sent the KILL (9) signal (128+9)\n" +
		"  -    the exit status of COMMAND otherwise",
}

const (
	exitTimedOut = 124
	exitCanceled = 125
	exitCannot   = 126
	exitNotFound = 127
)

// parseDuration reads GNU's DURATION: sleep's NUMBER[SUFFIX] (a
// non-negative floating point number with an optional s, m, h or d
// suffix), as a time.Duration that saturates and never rounds a positive
// interval down to zero.
//
// Unlike GNU timeout (and sleep), a leading blank or '+' is refused, as
// this applet always has (its tests say so).
func parseDuration(s string) (time.Duration, bool) {
	v, err := sleep.ParseInterval(s)
	if err != nil {
		return 0, false
	}
	if v*1e9 >= math.MaxInt64 {
		return time.Duration(math.MaxInt64), true
	}
	d := time.Duration(v * 1e9)
	if v > 0 && d == 0 {
		d = 1 // an interval smaller than a nanosecond still times out
	}
	return d, true
}

func run(io *applet.IO, args []string) int {
	r, done, st := io.Parse(&spec, args, exitCanceled)
	if done {
		return st
	}
	q := quote.ShellEscapeAlways.Quote
	termSig := syscall.SIGTERM
	var killAfter time.Duration
	preserve, foreground, verbose := false, false, false
	for _, o := range r.Opts {
		switch o.Key {
		case "signal":
			s, ok := zsignal.Parse(o.Value)
			if !ok {
				return io.UsageError(exitCanceled, "%s: invalid signal", q(o.Value))
			}
			termSig = s
		case "kill-after":
			d, ok := parseDuration(o.Value)
			if !ok {
				return io.UsageError(exitCanceled, "invalid time interval %s", q(o.Value))
			}
			killAfter = d
		case "preserve-status":
			preserve = true
		case "foreground":
			foreground = true
		case "verbose":
			verbose = true
		}
	}
	if len(r.Operands) < 2 {
		return io.TryHelp(exitCanceled)
	}
	limit, ok := parseDuration(r.Operands[0])
	if !ok {
		return io.UsageError(exitCanceled, "invalid time interval %s", q(r.Operands[0]))
	}
	argv := r.Operands[1:]

	// Our own process group, so one kill(0, sig) reaches the command and
	// everything it started. --foreground keeps the shell's group, so the
	// command may read the terminal.
	if !foreground {
		unix.Setpgid(0, 0)
	}
	// Take over the signals timeout forwards; drop the applet's
	// flush-and-die handler for them.
	forwarded := []os.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGALRM, termSig}
	signal.Reset(forwarded...)
	sigs := make(chan os.Signal, 4)
	if termSig != syscall.SIGKILL && termSig != syscall.SIGSTOP {
		signal.Notify(sigs, forwarded...)
	} else {
		signal.Notify(sigs, forwarded[:5]...)
	}
	defer signal.Stop(sigs)
	// A background timeout must not stop on the terminal: catch (and drop)
	// SIGTTIN and SIGTTOU. Not signal.Ignore: SIG_IGN would pass through
	// execve to the command, which GNU timeout resets to SIG_DFL.
	tty := make(chan os.Signal, 1)
	signal.Notify(tty, syscall.SIGTTIN, syscall.SIGTTOU)
	defer signal.Stop(tty)

	path, err := execpath.LookPath(argv[0], io.Env)
	cmd := &exec.Cmd{Path: path, Args: argv, Env: io.Env, Dir: io.Dir}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = io.Stdin, io.Stdout, io.Stderr
	if f, ok := io.Stdin.(*os.File); ok {
		cmd.Stdin = f
	}
	io.Stdout.Flush()
	if err == nil {
		// In a real process (stderr is the process's own file) the
		// command gets our descriptors themselves, not a copy loop.
		if f, ok := io.Stderr.(*os.File); ok {
			cmd.Stderr = f
			cmd.Stdout = os.Stdout
		}
		err = cmd.Start()
	}
	if err != nil {
		status := exitCannot
		if errors.Is(err, unix.ENOENT) || errors.Is(err, exec.ErrNotFound) {
			status, err = exitNotFound, unix.ENOENT
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		io.Errorf("failed to run command %s: %s", q(argv[0]), errno.Message(err))
		return status
	}
	pid := cmd.Process.Pid

	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	var alarm <-chan time.Time
	if limit > 0 {
		t := time.NewTimer(limit)
		defer t.Stop()
		alarm = t.C
	}
	timedOut := false
	sig := termSig
	// send delivers sig to the command and, unless --foreground, to our
	// whole group (ourselves ignoring it), then wakes stopped processes.
	send := func(s syscall.Signal) {
		if verbose {
			io.Errorf("sending signal %s to command %s", zsignal.Name(s), q(argv[0]))
		}
		unix.Kill(pid, s)
		if !foreground {
			if s != syscall.SIGKILL && s != syscall.SIGSTOP {
				signal.Ignore(s)
			}
			unix.Kill(0, s)
			if s != syscall.SIGKILL && s != syscall.SIGCONT {
				unix.Kill(pid, syscall.SIGCONT)
				unix.Kill(0, syscall.SIGCONT)
			}
		}
	}
	// expire is GNU's cleanup(): the first call sends the timeout signal
	// and arms the kill-after timer, which then sends KILL.
	expire := func(s syscall.Signal) {
		send(s)
		if killAfter > 0 {
			t := time.NewTimer(killAfter)
			alarm = t.C
			sig = syscall.SIGKILL
			killAfter = 0
		}
	}
	for {
		select {
		case <-alarm:
			timedOut = true
			alarm = nil
			expire(sig)
			continue
		case s := <-sigs:
			ss := s.(syscall.Signal)
			if ss == syscall.SIGALRM {
				timedOut = true
				ss = sig
			}
			expire(ss)
			continue
		case <-waited:
		}
		break
	}
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	status := 0
	switch {
	case ws.Exited():
		status = ws.ExitStatus()
	case ws.Signaled():
		s := ws.Signal()
		if ws.CoreDump() {
			io.Errorf("the monitored command dumped core")
		}
		if !timedOut {
			// Die the way the command died, without a core of our own.
			unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{})
			io.Stdout.Flush()
			zsignal.Die(s)
		}
		if s == syscall.SIGKILL {
			preserve = true
		}
		status = 128 + int(s)
	}
	if timedOut && !preserve {
		status = exitTimedOut
	}
	return status
}
