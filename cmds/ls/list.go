package ls

import (
	"errors"
	"strconv"
	"strings"
	"unsafe"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/tz"
	"github.com/zinebox/zinebox/pkg/userdb"
	"golang.org/x/sys/unix"
)

// fileType is what ls knows of a file's type, from the directory entry's
// d_type when it has not called stat, or from st_mode when it has.
type fileType uint8

const (
	ftUnknown fileType = iota
	ftFifo
	ftChr
	ftDir
	ftBlk
	ftNormal
	ftLink
	ftSock
	ftWhiteout
	ftArgDir // a directory named on the command line, to be listed
)

// typeLetter is the -l mode letter of a file that could not be stat'ed.
const typeLetter = "?pcdb-lswd"

// fileInfo is one file to list. Fields beyond name and typ are valid only
// when statOK.
type fileInfo struct {
	name     string
	link     string // symlink target, when read
	typ      fileType
	statOK   bool
	linkOK   bool // the symlink's target exists (stat succeeded)
	quoted   bool // its quoted name differs from the name
	acl      bool
	cmdline  bool // named on the command line (its name is a path)
	mode     uint32
	linkMode uint32
	uid, gid uint32
	nlink    uint64
	size     int64
	blocks   int64 // 512-byte units
	ino      uint64
	rdev     uint64
	tsec     int64
	tnsec    int64
}

// fileStore holds the files of one listing in fixed chunks, reused from
// one directory to the next: growing never copies, and pointers into it
// stay valid while the listing is built.
type fileStore struct {
	chunks [][]fileInfo
	n      int
}

const fileChunk = 1024

func (s *fileStore) add() *fileInfo {
	ci, i := s.n/fileChunk, s.n%fileChunk
	if ci == len(s.chunks) {
		s.chunks = append(s.chunks, make([]fileInfo, fileChunk))
	}
	s.n++
	f := &s.chunks[ci][i]
	*f = fileInfo{}
	return f
}

func (s *fileStore) reset() { s.n = 0 }

// widths are the column widths of the -l and -s fields, the widest value
// across all files of one listing, as GNU computes them.
type widths struct {
	inode, block, nlink, owner, group, author, size, major, minor int

	anyACL bool // some file has an ACL: the mode column gets an 11th character
}

type devIno struct{ dev, ino uint64 }

// lister holds the state of one ls run.
type lister struct {
	o      *applet.IO
	c      *config
	db     *userdb.DB
	loc    *tz.Zone
	now    unix.Timespec
	status int

	files      fileStore
	sorted     []*fileInfo // the listing, in output order once sorted
	w          widths
	someQuoted bool // a name in the current listing needs quotes

	printDirName bool
	firstDir     bool
	curDir       string // the directory being listed
	active       map[devIno]bool

	line      []byte // the output line being built
	qbuf      []byte // scratch for quoting
	pbuf      []byte // scratch for NUL-terminated paths
	arena     []byte // names of directory entries are carved from here
	dents     []byte // getdents buffer
	usedColor bool

	// --dired: bytes written so far, colour bytes among them (dired
	// offsets do not count them), and the offsets of names and headings.
	written, colorBytes   int
	diredPos, subdiredPos []int

	noACL     map[uint64]bool // devices where ACLs are unsupported
	lastUID   uint32
	lastUser  string
	haveUser  bool
	lastGID   uint32
	lastGroup string
	haveGroup bool
}

func newLister(o *applet.IO, c *config, db *userdb.DB) *lister {
	return &lister{o: o, c: c, db: db, printDirName: true, firstDir: true}
}

// fail reports a problem with file and sets the exit status: 2 for serious
// trouble (command-line operands), else 1.
func (l *lister) fail(serious bool, format, file string, err error) {
	q := quote.Options{Style: quote.ShellEscapeAlways, UTF8: l.c.utf8}
	msg := strings.Replace(format, "%s", string(q.Append(nil, file)), 1)
	if err != nil {
		msg += ": " + errno.Message(err)
	}
	l.flushLine()
	l.o.Errorf("%s", msg)
	l.setStatus(serious)
}

func (l *lister) setStatus(serious bool) {
	if serious {
		l.status = exitFailure
	} else if l.status == 0 {
		l.status = exitMinor
	}
}

// absName is the canonical absolute name of f, for --hyperlink.
func (l *lister) absName(f *fileInfo) string {
	if f.cmdline {
		return l.canonical(f.name)
	}
	return l.canonical(fsname.Concat(l.curDir, f.name))
}

type pendingDir struct {
	name    string
	cmdline bool
}

func (l *lister) main(operands []string) int {
	c := l.c
	var pending []pendingDir
	if len(operands) == 0 {
		if c.immediateDirs {
			l.gobble(".", nil, ftDir, 0, true, -1, "")
		} else {
			pending = append(pending, pendingDir{".", true})
		}
	} else {
		for _, op := range operands {
			l.gobble(op, nil, ftUnknown, 0, true, -1, "")
		}
	}
	if len(l.sorted) > 0 {
		l.sortFiles()
		if !c.immediateDirs {
			// Command-line directories are listed after the files, in order.
			j := 0
			for _, f := range l.sorted {
				if f.typ == ftArgDir {
					pending = append(pending, pendingDir{f.name, true})
					continue
				}
				l.sorted[j] = f
				j++
			}
			l.sorted = l.sorted[:j]
		}
	}
	if len(l.sorted) > 0 {
		l.printCurrentFiles()
		if len(pending) > 0 {
			l.putByte('\n') // a newline even with --zero, as GNU ls 9.1 writes
		}
	} else if len(operands) <= 1 && len(pending) == 1 {
		l.printDirName = false
	}
	for _, d := range pending {
		l.printDir(d.name, d.cmdline)
	}
	if c.dired {
		l.dumpOffsets("//DIRED//", l.diredPos)
		l.dumpOffsets("//SUBDIRED//", l.subdiredPos)
		l.line = append(l.line, "//DIRED-OPTIONS// --quoting-style="+c.quoting.Style.String()+"\n"...)
	}
	l.flushLine()
	if c.color != nil && l.usedColor && !c.color.defaultDelims() {
		l.o.Stdout.Write(c.color.restore())
	}
	return l.status
}

// offset is the --dired position of the next byte written: colour
// sequences do not count.
func (l *lister) offset() int { return l.written + len(l.line) - l.colorBytes }

func (l *lister) dumpOffsets(prefix string, offs []int) {
	if len(offs) == 0 {
		return
	}
	l.line = append(l.line, prefix...)
	for _, n := range offs {
		l.line = append(l.line, ' ')
		l.line = strconv.AppendInt(l.line, int64(n), 10)
	}
	l.line = append(l.line, '\n')
}

func (l *lister) clearFiles() {
	l.files.reset()
	l.sorted = l.sorted[:0]
	l.w = widths{}
	l.someQuoted = false
}

// attach is the name GNU uses in messages about an entry of dir: no "./"
// prefix for entries of ".".
func attach(dir, name string) string {
	if dir == "." {
		return name
	}
	return fsname.Concat(dir, name)
}

// printDir lists the directory name, and with -R its subdirectories.
func (l *lister) printDir(name string, cmdline bool) {
	c := l.c
	fd, err := unix.Open(l.o.Path(name), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		l.fail(cmdline, "cannot open directory %s", name, err)
		return
	}
	var id devIno
	if c.recursive {
		var st unix.Stat_t
		if err := unix.Fstat(fd, &st); err != nil {
			unix.Close(fd)
			l.fail(cmdline, "cannot determine device and inode of %s", name, err)
			return
		}
		id = devIno{st.Dev, st.Ino}
		if l.active == nil {
			l.active = make(map[devIno]bool)
		}
		if l.active[id] {
			unix.Close(fd)
			l.flushLine()
			l.o.Errorf("%s: not listing already-listed directory", colonQuote(name, l.c.utf8))
			l.setStatus(true)
			return
		}
		l.active[id] = true
		defer delete(l.active, id)
	}

	l.clearFiles()
	l.curDir = name
	if c.recursive || l.printDirName {
		if !l.firstDir {
			l.putByte('\n')
		}
		l.firstDir = false
		if c.dired {
			l.line = append(l.line, ' ', ' ')
			l.subdiredPos = append(l.subdiredPos, l.offset())
		}
		if c.hyperlink {
			l.linkStart(l.canonical(name))
		}
		l.line = c.dirQuoting.Append(l.line, name)
		if c.hyperlink {
			l.line = append(l.line, "\033]8;;\a"...)
		}
		if c.dired {
			l.subdiredPos = append(l.subdiredPos, l.offset())
		}
		l.line = append(l.line, ':', '\n')
	}

	total := l.readDir(fd, name)
	// Closed before going deeper: a deep tree must not hold a descriptor
	// per level.
	unix.Close(fd)

	l.sortFiles()
	var subdirs []string
	if c.recursive {
		for _, f := range l.sorted {
			if (f.typ == ftDir || f.typ == ftArgDir) && f.name != "." && f.name != ".." {
				subdirs = append(subdirs, fsname.Concat(name, f.name))
			}
		}
	}
	if c.format == longFormat || c.printBlocks {
		if c.dired {
			l.line = append(l.line, ' ', ' ')
		}
		l.line = append(l.line, "total "...)
		l.line = humanReadable(l.line, uint64(total), c.human, 512, c.blockSize)
		l.putByte(c.eol)
	}
	if len(l.sorted) > 0 {
		l.printCurrentFiles()
	}
	for _, d := range subdirs {
		if l.o.Stdout.Err() != nil {
			return // the reader has gone: nothing more can be shown
		}
		l.printDir(d, false)
	}
}

// readDir reads the entries of the open directory fd with getdents64 and
// gobbles those that are not ignored. It returns the total of their blocks.
func (l *lister) readDir(fd int, name string) int64 {
	if l.dents == nil {
		l.dents = make([]byte, 64<<10)
	}
	var total int64
	for {
		n, err := unix.Getdents(fd, l.dents)
		if err != nil {
			if err == unix.EINTR {
				continue
			}
			l.fail(false, "reading directory %s", name, err)
			break
		}
		if n <= 0 {
			break
		}
		buf := l.dents[:n]
		for len(buf) >= 19 {
			// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
			reclen := int(buf[16]) | int(buf[17])<<8
			if reclen < 19 || reclen > len(buf) {
				break
			}
			ino := *(*uint64)(unsafe.Pointer(&buf[0]))
			dtype := buf[18]
			rec := buf[19:reclen]
			nlen := 0
			for nlen < len(rec) && rec[nlen] != 0 {
				nlen++
			}
			nameb := rec[:nlen]
			buf = buf[reclen:]
			if l.ignored(nameb) {
				continue
			}
			total += l.gobble(l.intern(nameb), &rec[0], dtypeToFileType(dtype), ino, false, fd, name)
		}
	}
	return total
}

// intern copies an entry name out of the getdents buffer into the arena:
// one allocation per 64 KiB of names rather than one per name.
func (l *lister) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(l.arena)-len(l.arena) < len(b) {
		size := 64 << 10
		if len(b) > size {
			size = len(b)
		}
		l.arena = make([]byte, 0, size)
	}
	start := len(l.arena)
	l.arena = append(l.arena, b...)
	return unsafe.String(&l.arena[start], len(b))
}

func dtypeToFileType(t byte) fileType {
	switch t {
	case unix.DT_FIFO:
		return ftFifo
	case unix.DT_CHR:
		return ftChr
	case unix.DT_DIR:
		return ftDir
	case unix.DT_BLK:
		return ftBlk
	case unix.DT_REG:
		return ftNormal
	case unix.DT_LNK:
		return ftLink
	case unix.DT_SOCK:
		return ftSock
	case unix.DT_WHT:
		return ftWhiteout
	}
	return ftUnknown
}

func modeToFileType(m uint32) fileType {
	switch m & unix.S_IFMT {
	case unix.S_IFIFO:
		return ftFifo
	case unix.S_IFCHR:
		return ftChr
	case unix.S_IFDIR:
		return ftDir
	case unix.S_IFBLK:
		return ftBlk
	case unix.S_IFLNK:
		return ftLink
	case unix.S_IFSOCK:
		return ftSock
	case unix.S_IFREG:
		return ftNormal
	}
	return ftUnknown
}

// ignored reports whether a directory entry is left out: dot files unless
// -a or -A, . and .. unless -a, and -I/--hide/-B patterns.
func (l *lister) ignored(name []byte) bool {
	c := l.c
	if c.ignore != ignoreMinimal && len(name) > 0 && name[0] == '.' {
		if c.ignore == ignoreDefault {
			return true
		}
		if len(name) == 1 || (len(name) == 2 && name[1] == '.') {
			return true
		}
	}
	if len(c.ignorePatterns) == 0 && (len(c.hidePatterns) == 0 || c.ignore != ignoreDefault) {
		return false
	}
	s := string(name)
	for _, p := range c.ignorePatterns {
		if fnmatchPeriod(p, s) {
			return true
		}
	}
	if c.ignore == ignoreDefault {
		for _, p := range c.hidePatterns {
			if fnmatchPeriod(p, s) {
				return true
			}
		}
	}
	return false
}

// errno values of the stat calls; raw system calls return unix.Errno.
func isNoEnt(err error) bool {
	return errors.Is(err, unix.ENOENT) || errors.Is(err, unix.ELOOP)
}

// statAt stats the entry called namez (NUL-terminated, in the getdents
// buffer) of the directory dirfd without allocating.
func statAt(dirfd int, namez *byte, st *unix.Stat_t, follow bool) error {
	flags := uintptr(unix.AT_SYMLINK_NOFOLLOW)
	if follow {
		flags = 0
	}
	_, _, e := unix.Syscall6(unix.SYS_NEWFSTATAT, uintptr(dirfd), uintptr(unsafe.Pointer(namez)),
		uintptr(unsafe.Pointer(st)), flags, 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// gobble adds one file to the current listing and returns its blocks.
// Directory entries come with namez (the name inside the getdents buffer)
// and dirfd; command-line operands with namez nil.
func (l *lister) gobble(name string, namez *byte, typ fileType, ino uint64, cmdline bool, dirfd int, dir string) int64 {
	c := l.c
	f := l.files.add()
	f.name, f.typ, f.ino, f.cmdline = name, typ, ino, cmdline
	l.sorted = append(l.sorted, f)

	needStat := cmdline || c.formatNeedsStat || c.hyperlink || // GNU stats every file for --hyperlink
		(c.formatNeedsType && (typ == ftUnknown ||
			(typ == ftNormal && (c.indicator == indClassify || (c.color != nil && c.color.needExecBits()))) ||
			(typ == ftDir && c.color != nil && c.color.needDirBits()))) ||
		(c.formatNeedsType && typ == ftLink &&
			(c.deref == derefAlways || c.colorSymlinkAsReferent || c.checkSymlinkMode || c.dirsFirst)) ||
		// GNU trusts st_ino, not d_ino, which differs at mount points.
		c.printInode

	var blocks int64
	if needStat {
		var st unix.Stat_t
		var err error
		var full string
		stat := func(follow bool) error {
			if namez != nil {
				return statAt(dirfd, namez, &st, follow)
			}
			if full == "" {
				full = l.o.Path(name)
			}
			if follow {
				return unix.Stat(full, &st)
			}
			return unix.Lstat(full, &st)
		}
		deref := false
		switch c.deref {
		case derefAlways:
			err, deref = stat(true), true
		case derefCommandLine, derefCommandLineSymlinkToDir:
			if cmdline {
				err, deref = stat(true), true
				if c.deref == derefCommandLineSymlinkToDir {
					var needLstat bool
					if err != nil {
						needLstat = isNoEnt(err)
					} else {
						needLstat = st.Mode&unix.S_IFMT != unix.S_IFDIR
					}
					if needLstat {
						err, deref = stat(false), false
					}
				}
				break
			}
			err = stat(false)
		default:
			err = stat(false)
		}
		if err != nil {
			l.fail(cmdline, "cannot access %s", l.messageName(name, dir, cmdline), err)
			if cmdline {
				l.files.n--
				l.sorted = l.sorted[:len(l.sorted)-1]
				return 0
			}
			l.noteQuoting(f)
			return 0
		}
		f.statOK = true
		f.mode = st.Mode
		f.nlink = uint64(st.Nlink)
		f.uid, f.gid = st.Uid, st.Gid
		f.size = st.Size
		f.blocks = st.Blocks
		f.ino = st.Ino
		f.rdev = uint64(st.Rdev)
		switch c.timeType {
		case ctime:
			f.tsec, f.tnsec = st.Ctim.Sec, st.Ctim.Nsec
		case atime:
			f.tsec, f.tnsec = st.Atim.Sec, st.Atim.Nsec
		case btime:
			f.tsec, f.tnsec = l.birthTime(name, dirfd, namez != nil, deref)
		default:
			f.tsec, f.tnsec = st.Mtim.Sec, st.Mtim.Nsec
		}
		isLink := st.Mode&unix.S_IFMT == unix.S_IFLNK
		if c.format == longFormat && !isLink {
			f.acl = l.hasACL(st.Dev, name, namez != nil, dir)
			if f.acl {
				l.w.anyACL = true
			}
		}
		if isLink && (c.format == longFormat || c.checkSymlinkMode || c.dirsFirst) {
			if c.format == longFormat || c.checkSymlinkMode {
				f.link = l.readLink(name, namez, dirfd, dir, cmdline)
			}
			if (f.link != "" && (c.indicator >= indFileType || c.checkSymlinkMode)) || c.dirsFirst {
				saved := st
				if stat(true) == nil {
					f.linkOK = true
					f.linkMode = st.Mode
				}
				st = saved
			}
		}
		f.typ = modeToFileType(st.Mode)
		if f.typ == ftDir && cmdline && !c.immediateDirs {
			f.typ = ftArgDir
		}
		blocks = st.Blocks
		l.noteWidths(f)
	}
	l.noteInode(f)
	l.noteQuoting(f)
	return blocks
}

// birthTime asks statx for a file's creation time, which stat does not
// give; -1, -1 when the file system does not record it (GNU then shows ?).
func (l *lister) birthTime(name string, dirfd int, inDir, follow bool) (int64, int64) {
	flags := unix.AT_SYMLINK_NOFOLLOW
	if follow {
		flags = 0
	}
	var sx unix.Statx_t
	var err error
	if inDir {
		err = unix.Statx(dirfd, name, flags, unix.STATX_BTIME, &sx)
	} else {
		err = unix.Statx(unix.AT_FDCWD, l.o.Path(name), flags, unix.STATX_BTIME, &sx)
	}
	if err != nil || sx.Mask&unix.STATX_BTIME == 0 {
		return -1, -1
	}
	return sx.Btime.Sec, int64(sx.Btime.Nsec)
}

// messageName is how an entry is named in an error message.
func (l *lister) messageName(name, dir string, cmdline bool) string {
	if cmdline {
		return name
	}
	return attach(dir, name)
}

func (l *lister) noteInode(f *fileInfo) {
	if l.c.printInode {
		if n := decimalLen(f.ino); n > l.w.inode {
			l.w.inode = n
		}
	}
}

// noteQuoting records whether f's name needs quoting, for the alignment of
// the other names (GNU pads unquoted names with a space when some are
// quoted).
func (l *lister) noteQuoting(f *fileInfo) {
	if !l.c.alignQuotes {
		return
	}
	l.qbuf = l.c.quoting.Append(l.qbuf[:0], f.name)
	f.quoted = string(l.qbuf) != f.name
	if f.quoted {
		l.someQuoted = true
	}
}

// readLink reads the target of a symlink, reporting failure as GNU does.
func (l *lister) readLink(name string, namez *byte, dirfd int, dir string, cmdline bool) string {
	buf := l.qbuf[:cap(l.qbuf)]
	if len(buf) < 256 {
		buf = make([]byte, 4096)
		l.qbuf = buf[:0]
	}
	for {
		var n int
		var err error
		if namez != nil {
			r, _, e := unix.Syscall6(unix.SYS_READLINKAT, uintptr(dirfd), uintptr(unsafe.Pointer(namez)),
				uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0, 0)
			n = int(r)
			if e != 0 {
				err = e
			}
		} else {
			n, err = unix.Readlink(l.o.Path(name), buf)
		}
		if err != nil {
			l.fail(cmdline, "cannot read symbolic link %s", l.messageName(name, dir, cmdline), err)
			return ""
		}
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
		l.qbuf = buf[:0]
	}
}

// hasACL reports whether a file has a POSIX ACL beyond its mode bits, which
// -l shows as a + after the mode. Like gnulib's file_has_acl, it looks for
// the system.posix_acl_access attribute (GNU ls 9.1 does not look at a
// directory's default ACL), and stops asking on a file system that does not
// support it.
func (l *lister) hasACL(dev uint64, name string, inDir bool, dir string) bool {
	if l.noACL[dev] {
		return false
	}
	// Build the path in a reused buffer: one of these per file adds up.
	l.pbuf = l.pbuf[:0]
	if inDir {
		if l.o.Dir != "" && !strings.HasPrefix(dir, "/") {
			l.pbuf = append(append(l.pbuf, l.o.Dir...), '/')
		}
		l.pbuf = append(l.pbuf, dir...)
		if !strings.HasSuffix(dir, "/") {
			l.pbuf = append(l.pbuf, '/')
		}
		l.pbuf = append(l.pbuf, name...)
	} else {
		l.pbuf = append(l.pbuf, l.o.Path(name)...)
	}
	l.pbuf = append(l.pbuf, 0)
	check := func(attr string) (bool, bool) {
		// getxattr returns the size of the value: an empty one is no ACL.
		size, _, e := unix.Syscall6(unix.SYS_GETXATTR, uintptr(unsafe.Pointer(&l.pbuf[0])),
			uintptr(unsafe.Pointer(unsafe.StringData(attr))), 0, 0, 0, 0)
		switch e {
		case 0:
			return size > 0, true
		case unix.EOPNOTSUPP, unix.ENOSYS:
			if l.noACL == nil {
				l.noACL = make(map[uint64]bool)
			}
			l.noACL[dev] = true
			return false, false
		}
		return false, true
	}
	has, _ := check("system.posix_acl_access\x00")
	return has
}

// noteWidths widens the -l and -s columns for f.
func (l *lister) noteWidths(f *fileInfo) {
	c := l.c
	w := &l.w
	if c.format == longFormat || c.printBlocks {
		var tmp [32]byte
		if n := len(humanReadable(tmp[:0], uint64(f.blocks), c.human, 512, c.blockSize)); n > w.block {
			w.block = n
		}
	}
	if c.format != longFormat {
		return
	}
	if c.printOwner {
		if n := l.userWidth(f.uid); n > w.owner {
			w.owner = n
		}
	}
	if c.printGroup {
		if n := l.groupWidth(f.gid); n > w.group {
			w.group = n
		}
	}
	if c.printAuthor {
		if n := l.userWidth(f.uid); n > w.author {
			w.author = n
		}
	}
	if n := decimalLen(f.nlink); n > w.nlink {
		w.nlink = n
	}
	if m := f.mode & unix.S_IFMT; m == unix.S_IFCHR || m == unix.S_IFBLK {
		if n := decimalLen(uint64(unix.Major(f.rdev))); n > w.major {
			w.major = n
		}
		if n := decimalLen(uint64(unix.Minor(f.rdev))); n > w.minor {
			w.minor = n
		}
		if n := w.major + 2 + w.minor; n > w.size {
			w.size = n
		}
	} else {
		var tmp [32]byte
		if n := len(humanReadable(tmp[:0], uint64(f.size), c.fileHuman, 1, c.fileBlockSize)); n > w.size {
			w.size = n
		}
	}
}

func decimalLen(n uint64) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

func (l *lister) userName(uid uint32) (string, bool) {
	if l.c.numericIDs {
		return "", false
	}
	if l.haveUser && l.lastUID == uid {
		return l.lastUser, l.lastUser != ""
	}
	name, _ := l.db.UserName(uid)
	l.lastUID, l.lastUser, l.haveUser = uid, name, true
	return name, name != ""
}

func (l *lister) groupName(gid uint32) (string, bool) {
	if l.c.numericIDs {
		return "", false
	}
	if l.haveGroup && l.lastGID == gid {
		return l.lastGroup, l.lastGroup != ""
	}
	name, _ := l.db.GroupName(gid)
	l.lastGID, l.lastGroup, l.haveGroup = gid, name, true
	return name, name != ""
}

func (l *lister) userWidth(uid uint32) int {
	if name, ok := l.userName(uid); ok {
		return len(name)
	}
	return decimalLen(uint64(uid))
}

func (l *lister) groupWidth(gid uint32) int {
	if name, ok := l.groupName(gid); ok {
		return len(name)
	}
	return decimalLen(uint64(gid))
}

// colonQuote quotes a name for "NAME: message" errors, as gnulib's quotef.
func colonQuote(name string, utf8 bool) string {
	o := quote.Options{Style: quote.ShellEscape, UTF8: utf8}
	o.SetExtra(':')
	return string(o.Append(nil, name))
}
