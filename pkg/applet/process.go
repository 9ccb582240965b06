package applet

import (
	"os"
	"os/signal"
	"syscall"
	"time"

	zsignal "github.com/zinebox/zinebox/pkg/signal"
	"github.com/zinebox/zinebox/pkg/stdio"
	"golang.org/x/sys/unix"
)

// RunProcess runs a as the program of this process and returns its exit
// status: the real standard streams and environment, stdout buffered as C
// stdio would buffer it, and a flush on every way out. Signals the Go
// runtime would swallow (QUIT, USR1, PIPE, ...) get their kernel default
// back first, so Ctrl-\ ends an applet with status 131 as it ends a C
// program (see signal.RestoreDefaults).
//
// SIGINT, SIGTERM and SIGHUP flush what is buffered and then kill the
// process with the same signal (the handler is installed when something is
// first buffered: an applet that never buffers pays nothing for it), so nothing written is lost and the parent
// still sees death by that signal (status 128+N). A signal that was ignored
// when we started stays ignored: signal.Notify would otherwise un-ignore it
// (see os/signal's package doc), and `nohup` and `cmd &` in a
// non-interactive shell rely on it staying ignored.
//
// name is what the applet calls itself in messages (see IO.Name).
func RunProcess(a *Applet, name string, args []string, applets []*Applet) int {
	ignored, _ := syscall.Getenv(zsignal.IgnoreEnv)
	zsignal.RestoreDefaults(ignored)
	env := os.Environ()
	o := &IO{
		Name:    name,
		Stdin:   os.Stdin,
		Stdout:  stdio.ForFile(os.Stdout, "_STDBUF_O", env),
		Stderr:  os.Stderr,
		Env:     env,
		Applets: applets,
	}
	if o.Stdout.Mode() != stdio.Unbuffered {
		w := o.Stdout
		w.OnBuffer = func() { flushOnSignals(w) }
	}
	return o.Finish(a.Main(o, args))
}

func flushOnSignals(w *stdio.Writer) {
	var sigs []os.Signal
	for _, s := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	if len(sigs) == 0 {
		return
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	go func() {
		s := (<-c).(syscall.Signal)
		w.Flush()
		DieOfSignal(s)
	}()
}

// DieOfSignal ends the process by signal s with its default action, so that
// the parent's wait(2) reports the signal and not an exit code.
func DieOfSignal(s syscall.Signal) {
	signal.Reset(s)
	unix.Kill(unix.Getpid(), s)
	// The signal is delivered asynchronously; wait for it. Should it be
	// blocked or caught elsewhere, fall back to the shell's convention.
	time.Sleep(time.Second)
	os.Exit(128 + int(s))
}
