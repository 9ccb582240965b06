package shell

import (
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/errno"
	"golang.org/x/sys/unix"
	"mvdan.cc/sh/v3/syntax"
)

// savedFD remembers what one of the shell's fds was before a
// redirection: a close-on-exec copy at 10 or above, or -1 if it was
// closed.
type savedFD struct {
	fd, copy int
}

// firstInternalFD is where the shell keeps its own descriptors, out of
// the user's 0-9, as dash does.
const firstInternalFD = 10

func (s *Shell) saveFD(fd int) savedFD {
	c, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, firstInternalFD)
	if err != nil {
		return savedFD{fd, -1}
	}
	return savedFD{fd, c}
}

// restore undoes redirections in reverse order.
func (s *Shell) restore(saved []savedFD) {
	for i := len(saved) - 1; i >= 0; i-- {
		sv := saved[i]
		if sv.copy < 0 {
			unix.Close(sv.fd)
		} else {
			dup2(sv.copy, sv.fd)
			unix.Close(sv.copy)
		}
	}
}

func dup2(from, to int) error {
	for {
		err := unix.Dup3(from, to, 0)
		if err != unix.EINTR {
			return err
		}
	}
}

func closeFD(fd int) { unix.Close(fd) }

func pipe() ([2]int, error) {
	var p [2]int
	err := unix.Pipe2(p[:], unix.O_CLOEXEC)
	return p, err
}

// openFile opens a file close-on-exec at an fd of 10 or above.
func openFile(path string, flags int, perm uint32) (int, error) {
	for {
		fd, err := unix.Open(path, flags|unix.O_CLOEXEC, perm)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return -1, err
		}
		return moveHigh(fd), nil
	}
}

// moveHigh moves an internal fd out of the user's range 0-9.
func moveHigh(fd int) int {
	if fd >= firstInternalFD {
		return fd
	}
	nfd, err := unix.FcntlInt(uintptr(fd), unix.F_DUPFD_CLOEXEC, firstInternalFD)
	if err != nil {
		return fd
	}
	unix.Close(fd)
	return nfd
}

func errnoMsg(err error) string { return errno.Message(err) }

// redirError is a failed redirection; its message is dash's.
type redirError struct{ msg string }

func (e *redirError) Error() string { return e.msg }

func (s *Shell) redirError(err error) {
	switch e := err.(type) {
	case *redirError:
		s.errorf("%s", e.msg)
	default:
		s.expandError(err)
	}
}

func defaultFD(op syntax.RedirOperator) int {
	switch op {
	case syntax.RdrIn, syntax.RdrInOut, syntax.DplIn, syntax.Hdoc, syntax.DashHdoc, syntax.WordHdoc:
		return 0
	}
	return 1
}

func atoiDefault(s string, def int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return n
}

// openError words an open failure as dash does: "cannot create x:
// Directory nonexistent", "cannot open x: No such file".
func openError(verb, path string, err error) error {
	msg := errno.Message(err)
	switch err {
	case unix.ENOENT:
		if verb == "create" {
			msg = "Directory nonexistent"
		} else {
			msg = "No such file"
		}
	}
	return &redirError{msg: "cannot " + verb + " " + path + ": " + msg}
}

// redirect performs redirections on the shell's own fds, in order. With
// save, every fd it changes is first copied so that restore can put it
// back; the returned list is valid even when err is not nil.
func (s *Shell) redirect(redirs []*syntax.Redirect, save bool) (saved []savedFD, err error) {
	for _, r := range redirs {
		fd := defaultFD(r.Op)
		if r.N != nil {
			fd = atoiDefault(r.N.Value, -1)
			if fd < 0 {
				return saved, &redirError{msg: "Bad file descriptor"}
			}
		}
		if (r.Op == syntax.DplOut || r.Op == syntax.DplIn) && r.Word != nil && len(r.Word.Parts) == 1 {
			if l, ok := r.Word.Parts[0].(*syntax.Lit); ok && l.Value == strconv.Itoa(fd) {
				continue // n>&n changes nothing, even on a closed fd
			}
		}
		src, closeIt, err := s.redirSource(r)
		if err != nil {
			return saved, err
		}
		if src == fd && !closeIt {
			// n>&n: nothing moves, but the fd must exist (checked below)
			continue
		}
		if save {
			already := false
			for _, sv := range saved {
				if sv.fd == fd {
					already = true
				}
			}
			if !already {
				saved = append(saved, s.saveFD(fd))
			}
		}
		if src < 0 {
			unix.Close(fd)
			continue
		}
		if err := dup2(src, fd); err != nil {
			if closeIt {
				unix.Close(src)
			}
			return saved, &redirError{msg: strconv.Itoa(fd) + ": " + errnoMsg(err)}
		}
		if closeIt {
			unix.Close(src)
		}
	}
	return saved, nil
}

// redirSource opens what a redirection points at and returns the fd to
// dup onto the target (-1 to close the target) and whether it is ours to
// close afterwards.
func (s *Shell) redirSource(r *syntax.Redirect) (fd int, closeIt bool, err error) {
	switch r.Op {
	case syntax.Hdoc, syntax.DashHdoc:
		body := ""
		if r.Hdoc != nil {
			hdoc := r.Hdoc
			if r.Op == syntax.DashHdoc {
				hdoc = stripTabs(hdoc)
			}
			if quotedHeredoc(r.Word) {
				body = heredocRaw(hdoc)
			} else {
				body, err = s.document(hdoc)
				if err != nil {
					return -1, false, err
				}
			}
		}
		fd, err := heredocFD(body)
		return fd, true, err
	case syntax.WordHdoc:
		body, err := s.literal(r.Word)
		if err != nil {
			return -1, false, err
		}
		fd, err := heredocFD(body + "\n")
		return fd, true, err
	}
	target, err := s.literal(r.Word)
	if err != nil {
		return -1, false, err
	}
	switch r.Op {
	case syntax.DplIn, syntax.DplOut:
		if target == "-" {
			return -1, false, nil
		}
		n, err := strconv.Atoi(target)
		if err != nil || n < 0 {
			if r.Op == syntax.DplOut && !s.bashMode {
				return -1, false, &redirError{msg: "Syntax error: Bad fd number"}
			}
			// bash: >&file is >file 2>&1; not in POSIX mode
			return -1, false, &redirError{msg: target + ": Bad file descriptor"}
		}
		if _, err := unix.FcntlInt(uintptr(n), unix.F_GETFD, 0); err != nil {
			return -1, false, &redirError{msg: target + ": Bad file descriptor"}
		}
		return n, false, nil
	}
	var flags int
	verb := "create"
	switch r.Op {
	case syntax.RdrIn:
		flags, verb = os.O_RDONLY, "open"
	case syntax.RdrOut:
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
		if s.opts.noclobber {
			return s.openNoClobber(target)
		}
	case syntax.RdrClob:
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case syntax.AppOut:
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case syntax.RdrInOut:
		flags = os.O_RDWR | os.O_CREATE
	case syntax.RdrAll, syntax.AppAll:
		return -1, false, &redirError{msg: "unsupported redirection"}
	default:
		return -1, false, &redirError{msg: "unsupported redirection"}
	}
	fd, err = openFile(target, flags, 0o666)
	if err != nil {
		return -1, false, openError(verb, target, err)
	}
	return fd, true, nil
}

// openNoClobber is `>` under set -C: fail if the file exists and is a
// regular file; other files (/dev/null, fifos) may be opened.
func (s *Shell) openNoClobber(path string) (int, bool, error) {
	fd, err := openFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err == nil {
		return fd, true, nil
	}
	if err == unix.EEXIST {
		var st unix.Stat_t
		if unix.Stat(path, &st) == nil && st.Mode&unix.S_IFMT != unix.S_IFREG {
			fd, err = openFile(path, os.O_WRONLY, 0)
			if err == nil {
				return fd, true, nil
			}
		} else {
			return -1, false, &redirError{msg: "cannot create " + path + ": File exists"}
		}
	}
	return -1, false, openError("create", path, err)
}

// quotedHeredoc reports whether the delimiter word was quoted, which
// turns off expansion of the body.
func quotedHeredoc(w *syntax.Word) bool {
	for _, p := range w.Parts {
		switch p.(type) {
		case *syntax.SglQuoted, *syntax.DblQuoted:
			return true
		case *syntax.Lit:
			if strings.ContainsRune(p.(*syntax.Lit).Value, '\\') {
				return true
			}
		}
	}
	return false
}

// heredocRaw returns a quoted here-document's body as written.
func heredocRaw(w *syntax.Word) string {
	var b strings.Builder
	pr := syntax.NewPrinter()
	for _, p := range w.Parts {
		if l, ok := p.(*syntax.Lit); ok {
			b.WriteString(l.Value)
		} else {
			pr.Print(&b, p)
		}
	}
	return b.String()
}

// heredocFD makes a file descriptor to read a here-document from: a pipe
// when the body fits in the pipe buffer (what dash does), else a
// deleted temporary file, so writing never blocks the shell.
func heredocFD(body string) (int, error) {
	if len(body) < 60000 {
		p, err := pipe()
		if err != nil {
			return -1, err
		}
		if err := writeAll(p[1], []byte(body)); err != nil {
			unix.Close(p[0])
			unix.Close(p[1])
			return -1, err
		}
		unix.Close(p[1])
		return moveHigh(p[0]), nil
	}
	fd, err := unix.MemfdCreate("heredoc", unix.MFD_CLOEXEC)
	if err != nil {
		return -1, err
	}
	fd = moveHigh(fd)
	if err := writeAll(fd, []byte(body)); err != nil {
		unix.Close(fd)
		return -1, err
	}
	unix.Seek(fd, 0, 0)
	return fd, nil
}

// writeAll writes b to fd, retrying short writes and EINTR.
func writeAll(fd int, b []byte) error {
	for len(b) > 0 {
		n, err := unix.Write(fd, b)
		if err == unix.EINTR || err == unix.EAGAIN {
			if err == unix.EAGAIN {
				waitWritable(fd)
			}
			continue
		}
		if err != nil {
			return err
		}
		b = b[n:]
	}
	return nil
}

func waitWritable(fd int) {
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
	unix.Poll(fds, -1)
}

var _ = syscall.Stdin

// stripTabs removes the leading tabs of every line of a <<- body. The
// parser keeps them, and the tabs before the delimiter at the end.
func stripTabs(w *syntax.Word) *syntax.Word {
	nw := &syntax.Word{}
	atStart := true
	for i, p := range w.Parts {
		l, ok := p.(*syntax.Lit)
		if !ok {
			nw.Parts = append(nw.Parts, p)
			atStart = false
			continue
		}
		var b strings.Builder
		v := l.Value
		for j := 0; j < len(v); j++ {
			if atStart && v[j] == '\t' {
				continue
			}
			atStart = v[j] == '\n'
			b.WriteByte(v[j])
		}
		out := b.String()
		if i == len(w.Parts)-1 {
			// the delimiter line's tabs were left after the last newline
			out = strings.TrimRight(out, "\t")
		}
		nw.Parts = append(nw.Parts, &syntax.Lit{ValuePos: l.ValuePos, ValueEnd: l.ValueEnd, Value: out})
	}
	return nw
}
