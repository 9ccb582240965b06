// Package copyfile holds the pieces of copying a file that cp and mv (which
// copies when rename(2) meets another file system, EXDEV) both need: moving
// the bytes, reading a symbolic link's target, comparing modification
// times. What to create, what to preserve and what to say stays with each
// applet, because GNU cp and mv word and decide those differently.
package copyfile

import "golang.org/x/sys/unix"

// Copier moves file contents between descriptors, reusing one buffer
// across the files of a run.
type Copier struct {
	buf []byte
}

// Copy copies the rest of in to out. It tries copy_file_range(2) first
// (the bytes never leave the kernel, and file systems that can share
// extents make it a reflink) and falls back to read and write where the
// kernel cannot do that for this pair of files. When it fails, writing
// says that the write side failed (reported under the destination's name)
// rather than the read side (the source's name).
func (c *Copier) Copy(out, in int) (writing bool, err error) {
	for {
		n, err := unix.CopyFileRange(in, nil, out, nil, 1<<30, 0)
		if err == nil && n > 0 {
			continue
		}
		if err == nil {
			return false, nil
		}
		if err == unix.ENOSPC || err == unix.EDQUOT || err == unix.EIO || err == unix.EFBIG {
			return true, err
		}
		break // not possible here (EXDEV, EINVAL, ENOSYS, ...): read and write
	}
	if c.buf == nil {
		c.buf = make([]byte, 128<<10)
	}
	for {
		n, err := unix.Read(in, c.buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return false, err
		}
		if n == 0 {
			return false, nil
		}
		for p := c.buf[:n]; len(p) > 0; {
			m, err := unix.Write(out, p)
			if err == unix.EINTR {
				continue
			}
			if err != nil {
				return true, err
			}
			p = p[m:]
		}
	}
}

// Readlink returns the target of the symbolic link path, however long.
func Readlink(path string) (string, error) {
	for size := 256; ; size *= 2 {
		buf := make([]byte, size)
		n, err := unix.Readlink(path, buf)
		if err != nil {
			return "", err
		}
		if n < size {
			return string(buf[:n]), nil
		}
	}
}

// Newer reports whether a was modified after b (cp -u, mv -u).
func Newer(a, b *unix.Stat_t) bool {
	return a.Mtim.Sec > b.Mtim.Sec || a.Mtim.Sec == b.Mtim.Sec && a.Mtim.Nsec > b.Mtim.Nsec
}
