package interactive

import (
	"errors"
	"fmt"
	"sync/atomic"

	"golang.org/x/sys/unix"
)

// errWoken is what readByte returns when Interrupt or Resized woke it.
var errWoken = errors.New("woken")

// waker lets another goroutine (the shell's signal handler) wake a
// ReadLine blocked reading the terminal: an eventfd polled together with
// the terminal. It costs one descriptor in the shell (visible in
// /proc/$$/fd as anon_inode:[eventfd]), which is why it is opt-in.
type waker struct {
	fd          int
	interrupted atomic.Bool
	resized     atomic.Bool
}

// EnableSignals makes Interrupt and Resized work. The shell calls it once,
// before its first ReadLine, if it forwards SIGINT and SIGWINCH.
func (e *Editor) EnableSignals() error {
	if e.wake != nil {
		return nil
	}
	fd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		return fmt.Errorf("eventfd: %w", err)
	}
	e.wake = &waker{fd: fd}
	return nil
}

// Interrupt makes the ReadLine in progress return ErrInterrupted, as a
// SIGINT sent to the shell with kill does at a bash prompt. Safe to call
// from any goroutine; an interrupt that arrives between prompts is
// dropped at the start of the next ReadLine (the shell handles it).
func (e *Editor) Interrupt() { e.poke(func(w *waker) { w.interrupted.Store(true) }) }

// Resized makes the ReadLine in progress redraw the line at the terminal's
// new width now, rather than at the next key (call it on SIGWINCH).
func (e *Editor) Resized() { e.poke(func(w *waker) { w.resized.Store(true) }) }

func (e *Editor) poke(set func(*waker)) {
	if e.wake == nil {
		return
	}
	set(e.wake)
	var one = [8]byte{1}
	unix.Write(e.wake.fd, one[:])
}

// drainWake forgets earlier wake-ups (at the start of ReadLine).
func (e *Editor) drainWake() {
	if e.wake == nil {
		return
	}
	var buf [8]byte
	unix.Read(e.wake.fd, buf[:])
	e.wake.interrupted.Store(false)
	e.wake.resized.Store(false)
}

// closeWake releases the eventfd.
func (e *Editor) closeWake() error {
	if e.wake == nil {
		return nil
	}
	err := unix.Close(e.wake.fd)
	e.wake = nil
	return err
}

// readByte reads one byte from the terminal, or returns errWoken when
// the waker fired first.
func (e *Editor) readByte() (byte, error) {
	if e.wake == nil {
		return readByte(e.inFd)
	}
	fds := []unix.PollFd{{Fd: int32(e.inFd), Events: unix.POLLIN}, {Fd: int32(e.wake.fd), Events: unix.POLLIN}}
	for {
		fds[0].Revents, fds[1].Revents = 0, 0
		if _, err := unix.Poll(fds, -1); err != nil {
			if err == unix.EINTR {
				continue
			}
			return 0, err
		}
		if fds[1].Revents&unix.POLLIN != 0 {
			var buf [8]byte
			unix.Read(e.wake.fd, buf[:])
			return 0, errWoken
		}
		if fds[0].Revents != 0 {
			return readByte(e.inFd)
		}
	}
}
