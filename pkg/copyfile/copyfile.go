// Package copyfile holds the pieces of copying a file that cp and mv (which
// copies when rename(2) meets another file system, EXDEV) both need: moving
// the bytes, reading a symbolic link's target, comparing modification
// times. What to create, what to preserve and what to say stays with each
// applet, because GNU cp and mv word and decide those differently.
package copyfile

import (
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/fsname"
)

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

// SameEntry reports whether a and b (relative to dir) are one directory
// entry: the same last component in the same directory. GNU cp and mv ask
// this of a source and destination that are the same file, to tell a
// file copied or moved onto itself from one reached by two names.
func SameEntry(dir, a, b string) bool {
	if fsname.LastComponent(strings.TrimRight(a, "/")) != fsname.LastComponent(strings.TrimRight(b, "/")) {
		return false
	}
	var da, db unix.Stat_t
	if unix.Stat(fsname.Join(dir, fsname.DirName(a)), &da) != nil || unix.Stat(fsname.Join(dir, fsname.DirName(b)), &db) != nil {
		return false
	}
	return da.Dev == db.Dev && da.Ino == db.Ino
}

// The extended attributes that hold POSIX ACLs (see acl(5)).
const (
	aclAccess  = "system.posix_acl_access"
	aclDefault = "system.posix_acl_default"
)

// SetPermissions gives the copy dst (open as fd, or -1 to go by name) the
// permissions of src ("" for none: mode alone, as gnulib's set_acl), as
// GNU cp -p and mv do through gnulib's copy_acl:
// the set-ID and sticky bits, when src has any, with chmod(2); then the
// access ACL of src, or one made of mode's nine permission bits, written
// as an extended attribute; for a directory, src's default ACL too.
//
// Writing the ACL is not a chmod: it sets only the nine bits, so a
// set-group-ID bit that dst inherited from its directory, or had before
// being overwritten, stays, as it does with GNU cp. Only where the file
// system has no ACLs does it fall back to chmod.
func SetPermissions(fd int, dst, src string, mode uint32, isDir bool) error {
	chmod := func() error {
		if fd >= 0 {
			return unix.Fchmod(fd, mode&0o7777)
		}
		return unix.Chmod(dst, mode&0o7777)
	}
	chmodded := false
	if mode&0o7000 != 0 {
		if err := chmod(); err != nil {
			return err
		}
		chmodded = true
	}
	var acl []byte
	if src != "" {
		acl = getACL(src, aclAccess)
	}
	if acl == nil {
		acl = minimalACL(mode)
	}
	var err error
	if fd >= 0 {
		err = unix.Fsetxattr(fd, aclAccess, acl, 0)
	} else {
		err = unix.Setxattr(dst, aclAccess, acl, 0)
	}
	if err == unix.EOPNOTSUPP || err == unix.ENOTSUP {
		if chmodded {
			return nil
		}
		return chmod()
	}
	if err != nil || !isDir {
		return err
	}
	if def := getACL(src, aclDefault); src != "" && def != nil {
		return unix.Setxattr(dst, aclDefault, def, 0)
	}
	if err := unix.Removexattr(dst, aclDefault); err != nil && err != unix.ENODATA && err != unix.EOPNOTSUPP {
		return err
	}
	return nil
}

// getACL reads an ACL attribute of path, or returns nil.
func getACL(path, name string) []byte {
	buf := make([]byte, 256)
	for {
		n, err := unix.Getxattr(path, name, buf)
		if err == unix.ERANGE {
			buf = make([]byte, 2*len(buf))
			continue
		}
		if err != nil || n == 0 {
			return nil
		}
		return buf[:n]
	}
}

// minimalACL encodes the ACL equivalent to mode's permission bits in the
// kernel's xattr format: version 2, then user::, group:: and other::
// entries of tag, permissions and an unused id.
func minimalACL(mode uint32) []byte {
	b := []byte{2, 0, 0, 0}
	for _, e := range [...]struct{ tag, shift uint32 }{{0x01, 6}, {0x04, 3}, {0x20, 0}} {
		b = append(b, byte(e.tag), byte(e.tag>>8), byte(mode>>e.shift&7), 0, 0xff, 0xff, 0xff, 0xff)
	}
	return b
}
