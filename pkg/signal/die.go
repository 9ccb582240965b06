package signal

import (
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Die ends the process by signal s with its default action, so that a
// parent sees the same death as if the program we ran had died there
// (timeout and strace end the way their command ended). The Go runtime
// treats some signals as its own (USR1 is ignored unless notified, and an
// ignored INT stays ignored after signal.Reset), so the kernel disposition
// is set to SIG_DFL directly with rt_sigaction(2) before the signal is
// unblocked and raised. Should the signal not kill (a stopping signal
// that is later continued), the process exits 128+s as a shell would
// report it.
func Die(s syscall.Signal) {
	SetDefault(s)
	var set unix.Sigset_t
	set.Val[0] = 1 << (uint(s) - 1)
	unix.PthreadSigmask(unix.SIG_UNBLOCK, &set, nil)
	unix.Kill(unix.Getpid(), s)
	time.Sleep(time.Second)
	os.Exit(128 + int(s))
}
