package stat

import (
	"strconv"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/errno"
)

// File system formats of stat -f, as in GNU stat 9.1.
const (
	fsFormat = "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\n" +
		"Block size: %-10s Fundamental block size: %S\n" +
		"Blocks: Total: %-10b Free: %-10f Available: %a\n" +
		"Inodes: Total: %-10c Free: %d\n"
	fsTerse = "%n %i %l %t %s %S %b %f %a %c %d\n"
)

// fsFile is an operand of stat -f.
type fsFile struct {
	name string
	st   unix.Statfs_t
}

// printFS handles one operand of stat -f: statfs(2) and the format.
func (s *stat) printFS(name, path, format, end string) bool {
	var f fsFile
	f.name = name
	var err error
	if name == "-" {
		fd := 0
		if sf := s.io.StdinFile(); sf != nil {
			fd = int(sf.Fd())
		}
		err = unix.Fstatfs(fd, &f.st)
	} else if path == "" {
		err = unix.ENOENT
	} else {
		err = unix.Statfs(path, &f.st)
	}
	if err != nil {
		s.io.Errorf("cannot read file system information for %s: %s", s.q.Always(name), errno.Message(err))
		s.status = 1
		return true
	}
	ok := s.expand(format, func(d byte, flags, width, prec string, hasPrec bool, raw string) string {
		return s.fsDirective(&f, d, flags, width, prec, hasPrec, raw)
	})
	if ok {
		s.io.Stdout.WriteString(end)
	}
	return ok
}

func (s *stat) fsDirective(f *fsFile, d byte, flags, width, prec string, hasPrec bool, raw string) string {
	st := &f.st
	num := func(v uint64) string { return pad(flags, width, prec, hasPrec, strconv.FormatUint(v, 10), true, false) }
	// GNU prints the block and free-inode counts as signed numbers (a
	// + or space flag shows), the total inodes, sizes and name length not.
	signed := func(v uint64) string { return pad(flags, width, prec, hasPrec, strconv.FormatUint(v, 10), true, true) }
	hex := func(v uint64) string {
		t := strconv.FormatUint(v, 16)
		if strings.Contains(flags, "#") && v != 0 {
			t = "0x" + t
		}
		return pad(flags, width, prec, hasPrec, t, true, false)
	}
	switch d {
	case 'a':
		return signed(st.Bavail)
	case 'b':
		return signed(st.Blocks)
	case 'c':
		return num(st.Files)
	case 'd':
		return signed(st.Ffree)
	case 'f':
		return signed(st.Bfree)
	case 'i':
		// The two words of f_fsid, the first one high, as GNU prints it.
		return hex(uint64(uint32(st.Fsid.Val[0]))<<32 | uint64(uint32(st.Fsid.Val[1])))
	case 'l':
		return num(uint64(st.Namelen))
	case 'n':
		return pad(flags, width, prec, hasPrec, f.name, false, false)
	case 's':
		return num(uint64(st.Bsize))
	case 'S':
		frsize := st.Frsize
		if frsize == 0 {
			frsize = st.Bsize
		}
		return num(uint64(frsize))
	case 't':
		return hex(uint64(uint32(st.Type)))
	case 'T':
		return pad(flags, width, prec, hasPrec, fsTypeName(uint32(st.Type)), false, false)
	}
	return "?"
}

// fsTypeName names a file system magic number as GNU stat does.
func fsTypeName(magic uint32) string {
	switch magic {
	case 0xEF53:
		return "ext2/ext3"
	case 0x01021994:
		return "tmpfs"
	case 0x9FA0:
		return "proc"
	case 0x62656572:
		return "sysfs"
	case 0x1CD1:
		return "devpts"
	case 0x63677270:
		return "cgroup2fs"
	case 0x27E0EB:
		return "cgroupfs"
	case 0x794C7630:
		return "overlayfs"
	case 0x58465342:
		return "xfs"
	case 0x9123683E:
		return "btrfs"
	case 0x4D44:
		return "msdos"
	case 0x6969:
		return "nfs"
	case 0x73717368:
		return "squashfs"
	case 0x9660:
		return "isofs"
	case 0x858458F6:
		return "ramfs"
	case 0x01021997:
		return "v9fs"
	case 0x65735546:
		return "fuseblk"
	case 0x65735543:
		return "fusectl"
	case 0x19800202:
		return "mqueue"
	case 0xCAFE4A11:
		return "bpf_fs"
	case 0x64626720:
		return "debugfs"
	case 0x74726163:
		return "tracefs"
	case 0x73636673:
		return "securityfs"
	case 0x0187:
		return "autofs"
	case 0x958458F6:
		return "hugetlbfs"
	case 0x42494E4D:
		return "binfmt_misc"
	case 0x6165676C:
		return "pstorefs"
	case 0xDE5E81E4:
		return "efivarfs"
	case 0x6E736673:
		return "nsfs"
	case 0x50495045:
		return "pipefs"
	case 0x534F434B:
		return "sockfs"
	case 0x2FC12FC1:
		return "zfs"
	case 0x00C36400:
		return "ceph"
	case 0xF15F:
		return "ecryptfs"
	case 0x5346544E:
		return "ntfs"
	case 0x7366746E:
		return "ntfs3"
	case 0x2011BAB0:
		return "exfat"
	case 0x3153464A:
		return "jfs"
	case 0x52654973:
		return "reiserfs"
	case 0x137D:
		return "ext"
	case 0xF2F52010:
		return "f2fs"
	case 0x28CD3D45:
		return "cramfs"
	case 0x15013346:
		return "udf"
	case 0xFF534D42:
		return "cifs"
	case 0xFE534D42:
		return "smb2"
	case 0x517B:
		return "smb"
	case 0x11307854:
		return "inodefs"
	case 0x09041934:
		return "anon-inode FS"
	case 0x62646576:
		return "bdevfs"
	case 0x43415D53:
		return "smackfs"
	case 0xF97CFF8C:
		return "selinux"
	}
	return "UNKNOWN (0x" + strconv.FormatUint(uint64(magic), 16) + ")"
}
