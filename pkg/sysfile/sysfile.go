// Package sysfile reads whole files with plain open(2), read(2) and
// close(2).
//
// os.Open registers every file with the Go runtime's poller, and the first
// registration creates an epoll instance and an eventfd that stay open for
// the life of the process. A teaching tool must not have them: the zine's
// `ls -l /proc/self/fd` is supposed to show 0, 1, 2 and the directory being
// listed, nothing else. Libraries that read configuration files (passwd,
// group, localtime) use this package instead.
package sysfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// maxSize bounds what ReadFile will hold, so a hostile or runaway file
// (a FIFO fed forever, /dev/zero) cannot exhaust memory.
const maxSize = 64 << 20

// ReadFile returns the contents of path, like os.ReadFile, without
// touching the runtime poller. Errors are *os.PathError values.
func ReadFile(path string) ([]byte, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	for err == unix.EINTR {
		fd, err = unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	size := 4096
	var st unix.Stat_t
	if unix.Fstat(fd, &st) == nil && st.Size > 0 && st.Size < maxSize {
		size = int(st.Size) + 1 // one more to see EOF without a second grow
	}
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			if len(buf) >= maxSize {
				return nil, &os.PathError{Op: "read", Path: path, Err: unix.EFBIG}
			}
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}
