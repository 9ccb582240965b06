package nc

import (
	"io"
	"os"
	"sync"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// sock is one socket descriptor in blocking mode, so that strace shows
// plain connect, accept, read and write calls, each sleeping in the kernel
// until it is done: no non-blocking dance through epoll.
//
// An os.File owns the descriptor only so that it is closed once, and never
// while another goroutine is inside a system call on it (the relay's two
// directions run at the same time): the File counts the calls in progress
// and the last one out closes the descriptor, so its number cannot be
// reused for another file under a reader's feet. Close shuts the socket
// down first, which wakes any call asleep on it.
type sock struct {
	f      *os.File
	rc     syscall.RawConn
	stream bool

	// A datagram listener answers whoever sent the last datagram; what
	// it has to say before anyone spoke waits for the first sender.
	reply   bool
	mu      sync.Mutex
	peer    unix.Sockaddr
	known   chan struct{}       // closed when the first sender is known
	onPeer  func(unix.Sockaddr) // called for the first sender
	closing atomic.Bool
	done    chan struct{} // closed by Close
}

func newSock(fd int, stream bool) (*sock, error) {
	f := os.NewFile(uintptr(fd), "socket")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &sock{f: f, rc: rc, stream: stream, known: make(chan struct{}), done: make(chan struct{})}, nil
}

// Read reads the next bytes (a stream) or the next datagram. A signal
// that interrupts read(2) before anything arrived makes it fail with
// EINTR; the call is simply made again.
func (s *sock) Read(b []byte) (int, error) {
	var n int
	var err error
	var from unix.Sockaddr
	cerr := s.rc.Read(func(fd uintptr) bool {
		for {
			if s.reply {
				n, from, err = unix.Recvfrom(int(fd), b, 0)
			} else {
				n, err = unix.Read(int(fd), b)
			}
			if err != unix.EINTR {
				return true
			}
		}
	})
	if cerr != nil {
		return 0, cerr
	}
	if err != nil {
		return 0, err
	}
	if n == 0 && (s.stream || s.closing.Load()) {
		return 0, io.EOF // a datagram may be empty; a stream's 0 is its end
	}
	if s.reply && named(from) {
		s.mu.Lock()
		first := s.peer == nil
		s.peer = from
		s.mu.Unlock()
		if first {
			if s.onPeer != nil {
				s.onPeer(from)
			}
			close(s.known)
		}
	}
	return n, nil
}

// named tells whether a datagram's sender can be answered: an unbound
// unix socket has no address (x/sys/unix shows the empty one as "@").
func named(sa unix.Sockaddr) bool {
	if u, ok := sa.(*unix.SockaddrUnix); ok {
		return u.Name != "" && u.Name != "@"
	}
	return sa != nil
}

// Write writes all of b. write(2) on a stream socket may take only part
// of it (a signal arrived after some bytes were copied): the rest is
// written by the next call. A datagram goes out whole or not at all.
func (s *sock) Write(b []byte) (int, error) {
	var to unix.Sockaddr
	if s.reply {
		select {
		case <-s.known:
		case <-s.done:
			return 0, os.ErrClosed
		}
		s.mu.Lock()
		to = s.peer
		s.mu.Unlock()
	}
	done := 0
	var err error
	cerr := s.rc.Write(func(fd uintptr) bool {
		for done < len(b) {
			n := len(b)
			if to != nil {
				err = unix.Sendto(int(fd), b, 0, to)
			} else {
				n, err = unix.Write(int(fd), b[done:])
			}
			switch {
			case err == unix.EINTR:
				continue
			case err != nil:
				return true
			}
			done += n
		}
		return true
	})
	if cerr != nil {
		return done, cerr
	}
	return done, err
}

// shutdown calls shutdown(2): SHUT_WR sends the peer an end of file
// while we can still read its answer.
func (s *sock) shutdown(how int) error {
	var err error
	cerr := s.rc.Control(func(fd uintptr) {
		err = unix.Shutdown(int(fd), how)
	})
	if cerr != nil {
		return cerr
	}
	return err
}

// Close wakes whatever is asleep on the socket and closes it.
func (s *sock) Close() error {
	if s.closing.Swap(true) {
		return os.ErrClosed
	}
	close(s.done)
	s.shutdown(unix.SHUT_RDWR)
	return s.f.Close()
}

// sendmsg sends data with control message oob (sendmsg(2)).
func (s *sock) sendmsg(data, oob []byte) error {
	var err error
	cerr := s.rc.Write(func(fd uintptr) bool {
		for {
			_, err = unix.SendmsgN(int(fd), data, oob, nil, 0)
			if err != unix.EINTR {
				return true
			}
		}
	})
	if cerr != nil {
		return cerr
	}
	return err
}

// recvmsg receives data and control messages (recvmsg(2)); descriptors
// received get close-on-exec at once (MSG_CMSG_CLOEXEC), as any
// descriptor this program opens does.
func (s *sock) recvmsg(data, oob []byte) (n, oobn int, err error) {
	cerr := s.rc.Read(func(fd uintptr) bool {
		for {
			n, oobn, _, _, err = unix.Recvmsg(int(fd), data, oob, unix.MSG_CMSG_CLOEXEC)
			if err != unix.EINTR {
				return true
			}
		}
	})
	if cerr != nil {
		return 0, 0, cerr
	}
	return n, oobn, err
}

// newSocket calls socket(2), with close-on-exec so that a program the
// shell starts later does not inherit it.
func newSocket(family, typ int) (int, error) {
	return unix.Socket(family, typ|unix.SOCK_CLOEXEC, 0)
}

// connectFD calls connect(2). Interrupted by a signal, connect returns
// EINTR but the connection goes on being made: calling it again reports
// EALREADY while that lasts and EISCONN once it is made, so wait for the
// socket to become writable with poll(2) and ask SO_ERROR how it ended.
func connectFD(fd int, sa unix.Sockaddr) error {
	err := unix.Connect(fd, sa)
	for err == unix.EINTR || err == unix.EALREADY {
		pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
		if _, perr := unix.Poll(pfd, -1); perr != nil && perr != unix.EINTR {
			return perr
		} else if perr == unix.EINTR {
			continue
		}
		soerr, gerr := unix.GetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_ERROR)
		if gerr != nil {
			return gerr
		}
		if soerr != 0 {
			return unix.Errno(soerr)
		}
		err = unix.Connect(fd, sa)
	}
	if err == unix.EISCONN {
		return nil
	}
	return err
}

// acceptFD calls accept4(2) until a connection arrives: EINTR (a signal)
// and ECONNABORTED (a client that gave up while queued) are not failures
// of the listener.
func acceptFD(fd int) (int, unix.Sockaddr, error) {
	for {
		nfd, sa, err := unix.Accept4(fd, unix.SOCK_CLOEXEC)
		if err != unix.EINTR && err != unix.ECONNABORTED {
			return nfd, sa, err
		}
	}
}
