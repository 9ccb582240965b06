package signal

import (
	ossignal "os/signal"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// GoCaught lists the signals whose default action ends a C program but
// which the Go runtime catches for itself when nobody asked for them: it
// drops USR1, USR2, ALRM and the like ("caught but no action will be
// taken"), prints a goroutine dump and exits 2 on QUIT, and survives a
// SIGPIPE on any descriptor but 1 and 2. A teaching tool must die of them
// as the zine says a process does.
var GoCaught = [...]syscall.Signal{syscall.SIGQUIT, syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGALRM,
	syscall.SIGVTALRM, syscall.SIGXCPU, syscall.SIGXFSZ, syscall.SIGIO, syscall.SIGPWR, syscall.SIGPIPE}

// IgnoreEnv carries, from zinebox sh to the zinebox programs it runs, the
// signals it ignores (a comma-separated list of numbers): the Go runtime
// installs its handlers over an inherited SIG_IGN for most signals, so
// "ignored at entry" would otherwise be lost.
const IgnoreEnv = "ZINEBOX_SH_IGNORE"

// SetDefault gives s the kernel's default action (SIG_DFL) with
// rt_sigaction(2), behind the Go runtime's back; os/signal is told first
// that the program no longer handles s, so a later Notify installs its
// handler again.
func SetDefault(s syscall.Signal) {
	ossignal.Ignore(s)
	var act struct {
		handler  uintptr // SIG_DFL is 0
		flags    uint64
		restorer uintptr
		mask     uint64
	}
	unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(s), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0)
}

// RestoreDefaults undoes the Go runtime's claims on GoCaught for a program
// that should behave like a C one: each gets SIG_DFL, except those named
// in ignored (the value of IgnoreEnv), which are ignored as the parent
// shell asked.
func RestoreDefaults(ignored string) {
	var skip [65]bool
	for _, f := range strings.Split(ignored, ",") {
		if n, err := strconv.Atoi(f); err == nil && n > 0 && n < len(skip) {
			skip[n] = true
			ossignal.Ignore(syscall.Signal(n))
		}
	}
	for _, s := range GoCaught {
		if !skip[s] {
			SetDefault(s)
		}
	}
}
