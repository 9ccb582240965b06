// Package stdio gives applets a standard output that buffers the way C stdio
// does, because the zine's "file buffering" page must be true of our tools:
//
//   - line-buffered when the stream is a terminal, so a person sees each line
//     as it is written;
//   - fully buffered (one write(2) per BufSize bytes) when it is a pipe or a
//     file, so `zinebox cat big | wc -l` makes few system calls;
//   - unbuffered for standard error.
//
// GNU stdbuf(1) works by setting _STDBUF_O and _STDBUF_E in the environment
// of the command it runs (its LD_PRELOAD library reads them); we read the same
// variables, so `stdbuf -oL zinebox ...` and `_STDBUF_O=0 zinebox ...` behave.
package stdio

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/execpath"
)

// Mode says when a Writer passes its bytes to the underlying writer.
type Mode int

const (
	// Full buffering: write when the buffer is full, and on Flush.
	Full Mode = iota
	// Line buffering: write at every newline, and when the buffer is full.
	Line
	// Unbuffered: every Write goes straight through.
	Unbuffered
)

func (m Mode) String() string {
	switch m {
	case Full:
		return "full"
	case Line:
		return "line"
	}
	return "unbuffered"
}

// BufSize is the buffer size for full and line buffering when the
// environment names none. glibc uses st_blksize, which is 4 KiB for pipes
// and most files; we use more because a larger buffer costs nothing here and
// halves the system calls of a bulk copy.
const BufSize = 64 << 10

// Writer is a buffered writer with C stdio's three modes. It is safe for use
// by several goroutines: the signal handler in package applet flushes it while
// the applet may still be writing.
type Writer struct {
	mu   sync.Mutex
	w    io.Writer
	mode Mode
	buf  []byte // len(buf) is what is pending; allocated on first use
	size int    // the buffer size (0: unbuffered)
	err  error  // the first write error; sticky, as ferror(3) is

	// OnBuffer, if set, is called (with the writer's lock held: it must not
	// use the writer) the first time bytes stay in the buffer instead of going straight
	// out: the moment there is something a signal could make us lose.
	// Package applet installs its flush-on-signal handler then, so that
	// programs that buffer nothing (true, sleep) pay nothing for it.
	OnBuffer func()
}

// NewWriter returns a Writer over w with the given mode and buffer size
// (size <= 0 means BufSize).
func NewWriter(w io.Writer, mode Mode, size int) *Writer {
	if size <= 0 {
		size = BufSize
	}
	sw := &Writer{w: w, mode: mode}
	if mode != Unbuffered {
		// The buffer itself waits for the first byte to keep: an applet
		// that prints nothing (true, sleep, kill) never pays for 64 KiB.
		sw.size = size
	}
	return sw
}

// ForFile returns a Writer for f with the mode C stdio would choose for the
// stream named by envVar ("_STDBUF_O" for stdout, "_STDBUF_E" for stderr):
// the variable's value if set in env, else line-buffered on a terminal and
// fully buffered otherwise. Standard error is unbuffered unless told.
func ForFile(f *os.File, envVar string, env []string) *Writer {
	mode, size := Full, 0
	if envVar == "_STDBUF_E" {
		mode = Unbuffered
	} else if IsTerminal(f) {
		mode = Line
	}
	if v, ok := execpath.Getenv(env, envVar); ok {
		if m, s, err := ParseStdbuf(v); err == nil {
			mode, size = m, s
		}
	}
	return NewWriter(f, mode, size)
}

// ParseStdbuf parses a stdbuf(1) mode: "0" (unbuffered), "L" (line), or a
// size with an optional suffix K, M, G (powers of 1024) or KB, MB, GB
// (powers of 1000), as GNU stdbuf accepts.
func ParseStdbuf(v string) (Mode, int, error) {
	switch v {
	case "0":
		return Unbuffered, 0, nil
	case "L":
		return Line, 0, nil
	}
	num := strings.TrimRight(v, "KMGkmgBb")
	suffix := v[len(num):]
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return Full, 0, errors.New("invalid buffer size: " + strconv.Quote(v))
	}
	mult := 1
	switch strings.ToUpper(suffix) {
	case "":
	case "K":
		mult = 1 << 10
	case "M":
		mult = 1 << 20
	case "G":
		mult = 1 << 30
	case "KB":
		mult = 1000
	case "MB":
		mult = 1000 * 1000
	case "GB":
		mult = 1000 * 1000 * 1000
	default:
		return Full, 0, errors.New("invalid buffer size: " + strconv.Quote(v))
	}
	if n > (1<<31)/mult {
		return Full, 0, errors.New("buffer size too large: " + strconv.Quote(v))
	}
	return Full, n * mult, nil
}

// IsTerminal reports whether f refers to a terminal, as isatty(3) does: by
// asking the terminal driver for its settings.
func IsTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// Mode returns the buffering mode.
func (sw *Writer) Mode() Mode { return sw.mode }

// Write buffers p according to the mode. A write error is sticky: later
// writes return it without writing.
func (sw *Writer) Write(p []byte) (int, error) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	if sw.err != nil {
		return 0, sw.err
	}
	switch sw.mode {
	case Unbuffered:
		return sw.writeThrough(p)
	case Line:
		// Each complete line goes out with its own write(2), as it does
		// from a C program printing line by line to a terminal; the rest
		// waits for its newline.
		written := 0
		for {
			i := bytes.IndexByte(p, '\n')
			if i < 0 {
				break
			}
			n, err := sw.bufferOrWrite(p[:i+1])
			written += n
			if err != nil {
				return written, err
			}
			if err := sw.flushLocked(); err != nil {
				return written, err
			}
			p = p[i+1:]
		}
		n, err := sw.bufferOrWrite(p)
		return written + n, err
	}
	return sw.bufferOrWrite(p)
}

// WriteString is Write for a string.
func (sw *Writer) WriteString(s string) (int, error) {
	// The conversion is cheap next to a system call, and keeps one code path.
	return sw.Write([]byte(s))
}

// WriteByte writes one byte.
func (sw *Writer) WriteByte(c byte) error {
	sw.mu.Lock()
	if sw.err == nil && sw.mode == Full && len(sw.buf) < cap(sw.buf) && sw.OnBuffer == nil {
		sw.buf = append(sw.buf, c)
		sw.mu.Unlock()
		return nil
	}
	sw.mu.Unlock()
	_, err := sw.Write([]byte{c})
	return err
}

// bufferOrWrite appends p to the buffer, writing the buffer out whenever it
// fills. A chunk at least as large as the buffer, arriving when the buffer is
// empty, is written directly: copying it would only cost time.
func (sw *Writer) bufferOrWrite(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		if len(sw.buf) == 0 && len(p) >= sw.size {
			n, err := sw.writeThrough(p)
			return written + n, err
		}
		if sw.buf == nil {
			sw.buf = make([]byte, 0, sw.size)
		}
		if sw.OnBuffer != nil {
			sw.OnBuffer()
			sw.OnBuffer = nil
		}
		n := copy(sw.buf[len(sw.buf):cap(sw.buf)], p)
		sw.buf = sw.buf[:len(sw.buf)+n]
		written += n
		p = p[n:]
		if len(sw.buf) == cap(sw.buf) {
			if err := sw.flushLocked(); err != nil {
				return written, err
			}
		}
	}
	return written, nil
}

func (sw *Writer) writeThrough(p []byte) (int, error) {
	n, err := sw.w.Write(p)
	if err != nil {
		sw.err = err
	}
	return n, err
}

// ReadFrom copies r to the underlying writer after flushing what is
// buffered, in large chunks that bypass the buffer: a bulk copy such as
// cat's gains nothing from a second copy in memory. It returns a ReadError
// when reading r failed, so the caller can name the input, and any other
// error as a (sticky) write error.
func (sw *Writer) ReadFrom(r io.Reader) (int64, error) {
	if err := sw.Flush(); err != nil {
		return 0, err
	}
	if sw.mode == Line {
		// Every line is written as a program printing to a terminal
		// would write it.
		return copyChunks(r, sw.Write)
	}
	sw.mu.Lock()
	defer sw.mu.Unlock()
	if n, handled, err := sw.sendfile(r); handled {
		return n, err
	}
	return copyChunks(r, sw.writeThrough)
}

// copyChunks reads r in copyBufSize chunks and passes each to write,
// wrapping read failures in ReadError.
func copyChunks(r io.Reader, write func([]byte) (int, error)) (int64, error) {
	buf := make([]byte, copyBufSize)
	var total int64
	for {
		n, rerr := r.Read(buf)
		if n > 0 {
			if _, err := write(buf[:n]); err != nil {
				return total, err
			}
			total += int64(n)
		}
		if rerr == io.EOF {
			return total, nil
		}
		if rerr != nil {
			return total, &ReadError{Err: rerr}
		}
	}
}

// sendfile copies a regular file to the output file inside the kernel with
// sendfile(2), which since Linux 2.6.33 writes to any file: no copy through
// user memory, a quarter fewer cycles for `cat big | wc -l`. It reports
// handled=false, having copied nothing, when the files do not allow it, so
// the caller falls back to read and write.
func (sw *Writer) sendfile(r io.Reader) (n int64, handled bool, err error) {
	in, ok1 := r.(*os.File)
	out, ok2 := sw.w.(*os.File)
	if !ok1 || !ok2 {
		return 0, false, nil
	}
	if st, err := in.Stat(); err != nil || !st.Mode().IsRegular() {
		return 0, false, nil
	}
	inFd, outFd := int(in.Fd()), int(out.Fd())
	for {
		m, err := unix.Sendfile(outFd, inFd, nil, 1<<30)
		if m > 0 {
			n += int64(m)
		}
		switch {
		case err == unix.EINTR || err == unix.EAGAIN:
			continue
		case err != nil && n == 0 && (err == unix.EINVAL || err == unix.ENOSYS):
			return 0, false, nil
		case err == unix.EPIPE || err == unix.ENOSPC || err == unix.EDQUOT || err == unix.EFBIG:
			sw.err = &os.PathError{Op: "write", Path: out.Name(), Err: err}
			return n, true, sw.err
		case err != nil:
			return n, true, &ReadError{Err: &os.PathError{Op: "read", Path: in.Name(), Err: err}}
		case m == 0:
			return n, true, nil
		}
	}
}

// copyBufSize is the chunk of a bulk copy: 128 KiB, as GNU cat uses, is
// where larger chunks stop paying on Linux pipes and page cache.
const copyBufSize = 128 << 10

// ReadError is a failure of the reading side of Writer.ReadFrom.
type ReadError struct{ Err error }

func (e *ReadError) Error() string { return e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// Flush writes out whatever is buffered.
func (sw *Writer) Flush() error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	return sw.flushLocked()
}

func (sw *Writer) flushLocked() error {
	if sw.err != nil {
		return sw.err
	}
	if len(sw.buf) == 0 {
		return nil
	}
	_, err := sw.w.Write(sw.buf)
	sw.buf = sw.buf[:0]
	if err != nil {
		sw.err = err
	}
	return err
}

// Err returns the first write error, as ferror(3) would tell.
func (sw *Writer) Err() error {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	return sw.err
}

// IsEPIPE reports whether err is a write to a pipe with no reader.
func IsEPIPE(err error) bool {
	return errors.Is(err, syscall.EPIPE)
}
