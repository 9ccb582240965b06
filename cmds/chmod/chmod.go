// Package chmod implements chmod(1): change file mode bits.
//
// It follows GNU coreutils 9.1, including its odd corners: `chmod -w f`
// takes -w as a mode, not an option, and then warns when the umask kept a
// bit from changing ("new permissions are r--rw-rw-, not r--r--r--"); the
// set-ID bits of directories survive `chmod 755`; -R never follows a
// symbolic link found inside a tree, but follows one named on the command
// line.
//
// chmod -R is built for speed: it reads each directory with getdents(2)
// into a reused buffer and changes entries with fchmodat(2) relative to the
// directory's descriptor, and it skips the stat(2) of a plain file when
// the new mode does not depend on the old one (`chmod -R 755`) and nothing
// is to be reported. GNU's fts stats every entry.
package chmod

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/dirent"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
)

//go:embed chmod.1
var manPage string

var Applet = applet.Applet{
	Name:    "chmod",
	Summary: "change file mode bits",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog: "chmod",
	Usage: []string{
		"[OPTION]... MODE[,MODE]... FILE...",
		"[OPTION]... OCTAL-MODE FILE...",
		"[OPTION]... --reference=RFILE FILE...",
	},
	Summary: "Change the mode of each FILE to MODE.\nWith --reference, change the mode of each FILE to that of RFILE.",
	Options: []getopt.Option{
		{Short: 'c', Long: "changes", Help: "like verbose but report only when a change is made"},
		{Short: 'f', Long: "silent", Help: "suppress most error messages"},
		{Long: "quiet", Help: "same as --silent"},
		{Short: 'v', Long: "verbose", Help: "output a diagnostic for every file processed"},
		{Long: "no-preserve-root", Help: "do not treat '/' specially (the default)"},
		{Long: "preserve-root", Help: "fail to operate recursively on '/'"},
		{Long: "reference", Arg: getopt.RequiredArg, ArgName: "RFILE", Help: "use RFILE's mode instead of MODE values"},
		{Short: 'R', Long: "recursive", Help: "change files and directories recursively"},
	},
	Footer: "Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.",
}

// verbosity levels, as GNU names them.
const (
	quiet   = iota // report nothing
	changes        // -c: report changes
	verbose        // -v: report every file
)

// status of one file, ordered as GNU orders them: a file is a success when
// its status is notApplied or better.
const (
	noStat = iota
	failed
	notApplied
	noChangeRequested
	succeeded
)

// chmod is one run of the command.
type chmod struct {
	io        *applet.IO
	q         quote.Quoter
	mode      *mode.Mode
	umask     uint32
	verbosity int
	silent    bool
	recursive bool
	// diagnoseSurprises is set when the mode came as an option (-w): the
	// user probably expected the umask not to matter, so say when it did.
	diagnoseSurprises bool
	rootDev, rootIno  uint64
	preserveRoot      bool
	// plainMode is the mode of every non-directory when it does not depend
	// on the old mode; valid when fastFiles is set.
	plainMode uint32
	fastFiles bool
	bufs      [][]byte // getdents buffers, one per depth, reused
	path      []byte   // the path of the directory being walked, for messages
}

// modeChars are the characters that make GNU chmod take an option-looking
// argument as (part of) the mode: chmod -w, chmod -rx, chmod -644.
const modeChars = "rwxXstugoa,+=01234567"

// splitModeOptions removes from args the arguments that GNU chmod takes as
// modes although they start with '-' (its getopt declares r, w, x, ... as
// options with optional arguments and then reads the whole argument back).
// Options before the first mode letter in the same argument still count:
// "-Rw" is -R and the mode "-Rw", which is invalid, as in GNU.
func splitModeOptions(args []string, posix bool) (rest []string, modeStr string, ok bool) {
	var pieces []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if strings.HasPrefix(a, "--") {
			rest = append(rest, a)
			if name := a[2:]; !strings.Contains(name, "=") && len(name) >= 3 && strings.HasPrefix("reference", name) && i+1 < len(args) {
				i++
				rest = append(rest, args[i])
			}
			continue
		}
		if len(a) < 2 || a[0] != '-' {
			if posix {
				rest = append(rest, args[i:]...)
				break
			}
			rest = append(rest, a)
			continue
		}
		isMode := false
		for j := 1; j < len(a); j++ {
			if strings.IndexByte("Rcfv", a[j]) >= 0 {
				continue
			}
			if strings.IndexByte(modeChars, a[j]) >= 0 {
				isMode = true
				if j > 1 {
					rest = append(rest, a[:j]) // the options before it
				}
			}
			break
		}
		if isMode {
			pieces = append(pieces, a)
		} else {
			rest = append(rest, a)
		}
	}
	return rest, strings.Join(pieces, ","), len(pieces) > 0
}

func run(io *applet.IO, args []string) int {
	_, posix := io.LookupEnv("POSIXLY_CORRECT")
	args, modeStr, modeGiven := splitModeOptions(args, posix)
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	c := &chmod{io: io, q: quote.ForEnv(io.Env), diagnoseSurprises: modeGiven}
	reference, hasReference := "", false
	for _, o := range r.Opts {
		switch o.Key {
		case "changes":
			c.verbosity = changes
		case "verbose":
			c.verbosity = verbose
		case "silent", "quiet":
			c.silent = true
		case "recursive":
			c.recursive = true
		case "preserve-root":
			c.preserveRoot = true
		case "no-preserve-root":
			c.preserveRoot = false
		case "reference":
			reference, hasReference = o.Value, true
		}
	}
	files := r.Operands
	if hasReference && modeGiven {
		return io.UsageError(1, "cannot combine mode and --reference options")
	}
	if !hasReference && !modeGiven && len(files) > 0 {
		modeStr, files = files[0], files[1:]
		modeGiven = true
	}
	if len(files) == 0 {
		if modeGiven && len(r.Operands) > 0 {
			return io.UsageError(1, "missing operand after %s", c.q.Locale(r.Operands[len(r.Operands)-1]))
		}
		return io.UsageError(1, "missing operand")
	}
	if hasReference {
		var st unix.Stat_t
		if err := unix.Stat(fsname.Join(io.Dir, reference), &st); err != nil {
			io.Errorf("failed to get attributes of %s: %s", c.q.Always(reference), errno.Message(err))
			return 1
		}
		m, _ := mode.Parse(fmt.Sprintf("%05o", st.Mode&mode.All))
		c.mode = m
	} else {
		m, err := mode.Parse(modeStr)
		if err != nil {
			return io.UsageError(1, "invalid mode: %s", c.q.Locale(modeStr))
		}
		c.mode = m
		c.umask = mode.Umask()
	}
	if c.recursive && c.preserveRoot {
		var st unix.Stat_t
		if err := unix.Stat("/", &st); err != nil {
			io.Errorf("failed to get attributes of %s: %s", c.q.Always("/"), errno.Message(err))
			return 1
		}
		c.rootDev, c.rootIno = st.Dev, st.Ino
	}
	if !c.mode.DependsOnOld() && c.verbosity == quiet && !c.diagnoseSurprises {
		c.plainMode, _ = c.mode.Apply(0, false, c.umask)
		c.fastFiles = true
	}
	ok := true
	for _, f := range files {
		if !c.operand(f) {
			ok = false
		}
	}
	if ok {
		return io.Finish(0)
	}
	return io.Finish(1)
}

// operand handles one command-line FILE: symbolic links are followed.
func (c *chmod) operand(name string) bool {
	path := fsname.Join(c.io.Dir, name)
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		var lst unix.Stat_t
		if unix.Lstat(path, &lst) == nil && lst.Mode&mode.TypeMask == mode.TypeLink && !c.silent {
			c.io.Errorf("cannot operate on dangling symlink %s", c.q.Always(name))
		} else if !c.silent {
			c.io.Errorf("cannot access %s: %s", c.q.Always(name), errno.Message(err))
		}
		c.report(name, noStat, 0, 0)
		return false
	}
	if c.recursive && c.preserveRoot && st.Dev == c.rootDev && st.Ino == c.rootIno {
		if name == "/" {
			c.io.Errorf("it is dangerous to operate recursively on %s", c.q.Always(name))
		} else {
			c.io.Errorf("it is dangerous to operate recursively on %s (same as %s)", c.q.Always(name), c.q.Always("/"))
		}
		c.io.Errorf("use --no-preserve-root to override this failsafe")
		return false
	}
	ok := c.change(unix.AT_FDCWD, path, name, st.Mode)
	if c.recursive && st.Mode&mode.TypeMask == mode.TypeDir {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != nil {
			c.readError(name, err)
			return false
		}
		c.path = append(c.path[:0], name...)
		if !c.walk(fd, 0) {
			ok = false
		}
		unix.Close(fd)
	}
	return ok
}

// change sets the mode of the file at dirfd/path, whose mode was old, and
// reports it; name is its path in messages.
func (c *chmod) change(dirfd int, path, name string, old uint32) bool {
	if old&mode.TypeMask == mode.TypeLink {
		c.report(name, notApplied, old, old)
		return true
	}
	isDir := old&mode.TypeMask == mode.TypeDir
	newMode, _ := c.mode.Apply(old, isDir, c.umask)
	status := succeeded
	if err := unix.Fchmodat(dirfd, path, newMode, 0); err != nil {
		if !c.silent {
			c.io.Errorf("changing permissions of %s: %s", c.q.Always(name), errno.Message(err))
		}
		status = failed
	}
	if c.verbosity != quiet && status == succeeded && !c.modeChanged(dirfd, path, name, old, newMode) {
		status = noChangeRequested
	}
	c.report(name, status, old, newMode)
	if status >= noChangeRequested && c.diagnoseSurprises {
		expected, _ := c.mode.Apply(old, isDir, 0)
		if newMode&^expected != 0 {
			c.io.Errorf("%s: new permissions are %s, not %s", c.q.ShellColon(name),
				mode.Permissions(newMode), mode.Permissions(expected))
			status = failed
		}
	}
	return status >= notApplied
}

// modeChanged reports whether the mode really changed. Set-ID and sticky
// bits can be dropped silently by the kernel (a setgid bit for a group the
// caller is not in), so when they are asked for the file is looked at again.
func (c *chmod) modeChanged(dirfd int, path, name string, old, newMode uint32) bool {
	if newMode&(mode.SetUID|mode.SetGID|mode.Sticky) != 0 {
		var st unix.Stat_t
		if err := unix.Fstatat(dirfd, path, &st, 0); err != nil {
			if !c.silent {
				c.io.Errorf("getting new attributes of %s: %s", c.q.Always(name), errno.Message(err))
			}
			return false
		}
		newMode = st.Mode
	}
	return (old^newMode)&mode.All != 0
}

// report prints the -v/-c line for one file.
func (c *chmod) report(name string, status int, old, newMode uint32) {
	if c.verbosity == quiet || (c.verbosity == changes && status != succeeded) {
		return
	}
	w := c.io.Stdout
	q := c.q.Always(name)
	switch status {
	case notApplied:
		fmt.Fprintf(w, "neither symbolic link %s nor referent has been changed\n", q)
	case noStat:
		fmt.Fprintf(w, "%s could not be accessed\n", q)
	case succeeded:
		fmt.Fprintf(w, "mode of %s changed from %04o (%s) to %04o (%s)\n", q,
			old&mode.All, mode.Permissions(old), newMode&mode.All, mode.Permissions(newMode))
	case failed:
		fmt.Fprintf(w, "failed to change mode of %s from %04o (%s) to %04o (%s)\n", q,
			old&mode.All, mode.Permissions(old), newMode&mode.All, mode.Permissions(newMode))
	case noChangeRequested:
		fmt.Fprintf(w, "mode of %s retained as %04o (%s)\n", q, newMode&mode.All, mode.Permissions(newMode))
	}
}

func (c *chmod) readError(name string, err error) {
	if !c.silent {
		c.io.Errorf("cannot read directory %s: %s", c.q.Always(name), errno.Message(err))
	}
}

// childName returns the path of entry name of the directory being walked,
// as GNU's fts spells it: one trailing slash of the parent is not doubled.
func (c *chmod) childName(name []byte) string {
	p := c.path
	if len(p) > 0 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	return string(p) + "/" + string(name)
}

// readDir reads all entries of the directory fd into the buffer of depth.
func (c *chmod) readDir(fd, depth int) ([]byte, error) {
	for len(c.bufs) <= depth {
		c.bufs = append(c.bufs, make([]byte, 32<<10))
	}
	buf := c.bufs[depth]
	n := 0
	for {
		if len(buf)-n < 8<<10 {
			buf = append(buf, make([]byte, len(buf))...)
			buf = buf[:cap(buf)]
			c.bufs[depth] = buf
		}
		m, err := unix.Getdents(fd, buf[n:])
		if err != nil {
			return nil, err
		}
		if m <= 0 {
			return buf[:n], nil
		}
		n += m
	}
}

// walk changes every entry of the directory fd (already changed itself)
// and descends into subdirectories without following symbolic links.
func (c *chmod) walk(fd, depth int) bool {
	data, err := c.readDir(fd, depth)
	if err != nil {
		c.readError(string(c.path), err)
		return false
	}
	ok := true
	if c.verbosity != quiet || c.diagnoseSurprises {
		if entries := dirent.Entries(data); len(entries) > dirent.InodeSortThreshold && dirent.InodeSortUseful(fd) {
			return c.walkSorted(fd, depth, entries)
		}
	}
	for off := 0; off < len(data); {
		// struct linux_dirent64: ino u64, off s64, reclen u16, type u8, name.
		reclen := int(*(*uint16)(unsafe.Pointer(&data[off+16])))
		typ := data[off+18]
		nameb := data[off+19 : off+reclen]
		namePtr := &data[off+19]
		off += reclen
		nameb = nameb[:clen(nameb)]
		if len(nameb) == 1 && nameb[0] == '.' || len(nameb) == 2 && nameb[0] == '.' && nameb[1] == '.' {
			continue
		}
		if c.fastFiles && (typ == unix.DT_REG || typ == unix.DT_FIFO || typ == unix.DT_SOCK ||
			typ == unix.DT_CHR || typ == unix.DT_BLK) {
			if e := fchmodat(fd, namePtr, c.plainMode); e != 0 {
				if !c.silent {
					c.io.Errorf("changing permissions of %s: %s", c.q.Always(c.childName(nameb)), e.Error())
				}
				ok = false
			}
			continue
		}
		if c.fastFiles && typ == unix.DT_LNK {
			continue
		}
		if !c.entry(fd, depth, nameb) {
			ok = false
		}
	}
	return ok
}

// walkSorted visits the entries of a big directory in inode order, as
// GNU's fts does, so that -v and -c report in the same order. Only used
// when something is reported.
func (c *chmod) walkSorted(fd, depth int, entries []dirent.Entry) bool {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Ino < entries[j].Ino })
	ok := true
	for _, e := range entries {
		if !c.entry(fd, depth, e.Name) {
			ok = false
		}
	}
	return ok
}

// entry changes one entry of the directory fd that needs a stat, and
// descends into it if it is a directory.
func (c *chmod) entry(fd, depth int, nameb []byte) bool {
	name := string(nameb)
	var st unix.Stat_t
	if err := unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		if err == unix.ENOENT {
			return true // removed while we were reading
		}
		if !c.silent {
			c.io.Errorf("cannot access %s: %s", c.q.Always(c.childName(nameb)), errno.Message(err))
		}
		c.report(c.childName(nameb), noStat, 0, 0)
		return false
	}
	ok := c.change(fd, name, c.childName(nameb), st.Mode)
	if st.Mode&mode.TypeMask != mode.TypeDir {
		return ok
	}
	sub, err := unix.Openat(fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		c.readError(c.childName(nameb), err)
		return false
	}
	saved := len(c.path)
	if saved > 0 && c.path[saved-1] == '/' {
		c.path = c.path[:saved-1]
	}
	c.path = append(append(c.path, '/'), nameb...)
	if !c.walk(sub, depth+1) {
		ok = false
	}
	c.path = c.path[:saved]
	unix.Close(sub)
	return ok
}

// errnoText wraps an errno so it prints glibc's wording.
type errnoText unix.Errno

func (e errnoText) Error() string { return errno.Message(unix.Errno(e)) }

// fchmodat changes the mode of the entry whose NUL-terminated name starts
// at name, without converting it to a Go string: chmod -R makes this call
// once per file and nothing else.
func fchmodat(dirfd int, name *byte, m uint32) errnoText {
	_, _, e := unix.Syscall6(unix.SYS_FCHMODAT, uintptr(dirfd), uintptr(unsafe.Pointer(name)), uintptr(m), 0, 0, 0)
	return errnoText(e)
}

// clen returns the length of the NUL-terminated name in b.
func clen(b []byte) int {
	for i, c := range b {
		if c == 0 {
			return i
		}
	}
	return len(b)
}
