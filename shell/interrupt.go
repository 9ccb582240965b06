package shell

import (
	"errors"
	"os"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/shell/interactive"
)

// Ctrl-C that reaches the interactive shell itself. While a job runs in
// the foreground, the terminal sends SIGINT to the job's process group
// and the shell learns of it from wait4 (waitForeground). But while the
// shell runs its own code -- `while :; do :; done`, `read x`, `wait` --
// the shell's group is the foreground one, and the SIGINT is the shell's.
// bash and dash then abandon the command line and give a fresh prompt
// with $? = 130; so do we. The signal arrives on a goroutine (os/signal):
// it sets a flag that the executor looks at between commands (where traps
// run), and wakes read and wait through an eventfd, because the Go
// runtime installs its handlers with SA_RESTART and a read(2) on the
// terminal would otherwise go on waiting.

// errInterrupted is what readInterruptible returns when SIGINT came first.
var errInterrupted = errors.New("interrupted")

type interruptState struct {
	reading atomic.Bool // at a prompt: the line editor handles SIGINT
	pending atomic.Bool // a SIGINT came while the shell was running
	fd      int         // eventfd written on each such SIGINT; -1 if none

	// editor, once set, gets the SIGINTs that come while reading: a fresh
	// prompt, as kill -INT $$ gives in bash. One goroutine decides where
	// each SIGINT goes, at the moment it takes it. With a second receiver
	// (the editor's own signal.Notify) a Ctrl-C that ended a loop of
	// builtins could reach the editor late, under load, and wipe the
	// line being typed at the next prompt.
	editor atomic.Pointer[interactive.Editor]
}

// catchInterrupts makes SIGINT, received on sigs, interrupt what the
// interactive shell is running. It returns the goroutine's body.
func (s *Shell) catchInterrupts() func(sigs <-chan os.Signal) {
	st := &interruptState{fd: -1}
	release := holdLowFDs() // not one of the user's fds 3-9
	if fd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK); err == nil {
		st.fd = fd
	}
	release()
	s.intr = st
	return func(sigs <-chan os.Signal) {
		for sig := range sigs {
			if sig != syscall.SIGINT {
				continue
			}
			if st.reading.Load() {
				if ed := st.editor.Load(); ed != nil {
					ed.Interrupt()
				}
				continue
			}
			st.pending.Store(true)
			if st.fd >= 0 {
				one := [8]byte{1}
				unix.Write(st.fd, one[:])
			}
		}
	}
}

// interruptPending reports whether a SIGINT is waiting to be taken.
func (s *Shell) interruptPending() bool { return s.intr != nil && s.intr.pending.Load() }

// takeInterrupt acts on a pending SIGINT: unless INT is trapped (the trap
// runs instead), the rest of the command line is abandoned with status
// 130 after a newline (the terminal echoed ^C), as in bash.
func (s *Shell) takeInterrupt() {
	if s.intr == nil || !s.intr.pending.Swap(false) {
		return
	}
	if s.traps[syscall.SIGINT] != nil || s.inTrap {
		return
	}
	writeAll(2, []byte("\n"))
	s.status = 130
	if s.ctl == ctlNone {
		s.ctl = ctlInterrupt
	}
}

// readInterruptible is read(2) on fd that gives up with errInterrupted
// when a SIGINT reaches the interactive shell.
func (s *Shell) readInterruptible(fd int, b []byte) (int, error) {
	if s.intr == nil || s.intr.fd < 0 {
		return unix.Read(fd, b)
	}
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}, {Fd: int32(s.intr.fd), Events: unix.POLLIN}}
	for {
		if s.intr.pending.Load() {
			return 0, errInterrupted
		}
		fds[0].Revents, fds[1].Revents = 0, 0
		if _, err := unix.Poll(fds, -1); err != nil {
			if err == unix.EINTR {
				continue
			}
			return unix.Read(fd, b)
		}
		if fds[1].Revents&unix.POLLIN != 0 {
			var buf [8]byte
			unix.Read(s.intr.fd, buf[:])
			continue
		}
		if fds[0].Revents != 0 {
			return unix.Read(fd, b)
		}
	}
}
