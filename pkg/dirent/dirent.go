// Package dirent reads directories with getdents64(2) into one buffer and
// walks the records in place, for tools that visit many files (rm -r,
// cp -r) and should not allocate per entry or stat what d_type already
// tells.
package dirent

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// Types of entries, as d_type reports them (Unknown: ask lstat).
const (
	Unknown = unix.DT_UNKNOWN
	Dir     = unix.DT_DIR
	Link    = unix.DT_LNK
	Reg     = unix.DT_REG
)

// ReadAll reads every record of the open directory fd into buf (grown as
// needed) and returns the filled part.
func ReadAll(fd int, buf []byte) ([]byte, error) {
	if len(buf) < 8<<10 {
		buf = make([]byte, 32<<10)
	}
	buf = buf[:cap(buf)]
	n := 0
	for {
		if len(buf)-n < 8<<10 {
			grown := make([]byte, 2*len(buf))
			copy(grown, buf[:n])
			buf = grown
		}
		m, err := unix.Getdents(fd, buf[n:])
		if err != nil {
			return buf[:n], err
		}
		if m <= 0 {
			return buf[:n], nil
		}
		n += m
	}
}

// Next returns the first entry of records (as returned by ReadAll) other
// than "." and "..", and the records after it; ok is false at the end.
// name aliases records and is followed in memory by a NUL byte.
func Next(records []byte) (name []byte, typ uint8, rest []byte, ok bool) {
	name, typ, _, rest, ok = NextIno(records)
	return name, typ, rest, ok
}

// NextIno is Next that also returns the entry's inode number.
func NextIno(records []byte) (name []byte, typ uint8, ino uint64, rest []byte, ok bool) {
	for len(records) >= 19 {
		// struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, name
		reclen := int(*(*uint16)(unsafe.Pointer(&records[16])))
		if reclen < 19 || reclen > len(records) {
			return nil, 0, 0, nil, false
		}
		ino = *(*uint64)(unsafe.Pointer(&records[0]))
		typ = records[18]
		name = records[19:reclen]
		for i, c := range name {
			if c == 0 {
				name = name[:i]
				break
			}
		}
		records = records[reclen:]
		if len(name) == 1 && name[0] == '.' || len(name) == 2 && name[0] == '.' && name[1] == '.' {
			continue
		}
		return name, typ, ino, records, true
	}
	return nil, 0, 0, nil, false
}

// Entry is one directory entry.
type Entry struct {
	Name []byte // aliases the records
	Type uint8
	Ino  uint64
}

// Entries returns every entry of records but "." and "..".
func Entries(records []byte) []Entry {
	var list []Entry
	for {
		name, typ, ino, rest, ok := NextIno(records)
		if !ok {
			return list
		}
		list = append(list, Entry{name, typ, ino})
		records = rest
	}
}

// InodeSortThreshold is the number of entries above which GNU's fts (the
// walker of chmod -R, rm -r and friends) visits a directory in inode order
// rather than in directory order, where that helps (see InodeSortUseful).
const InodeSortThreshold = 10000

// InodeSortUseful reports whether visiting the directory fd in inode order
// saves disk seeks, as gnulib decides it: on every file system but tmpfs
// and NFS.
func InodeSortUseful(fd int) bool {
	var fs unix.Statfs_t
	if unix.Fstatfs(fd, &fs) != nil {
		return false
	}
	return fs.Type != unix.TMPFS_MAGIC && fs.Type != unix.NFS_SUPER_MAGIC
}
