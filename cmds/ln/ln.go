// Package ln implements ln(1): make links between files.
//
// A hard link (the default) is a second name for the same inode: both
// names are equally the file, and ls -i shows one number. A symbolic link
// (-s) is a small file holding a path, resolved each time it is used; it
// can point to a directory, to another file system, or to nothing at all.
// Messages and the choice of the destination (a directory operand gets
// the link inside it, unless -n or -T) follow GNU ln.
package ln

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/ask"
	"github.com/zinebox/zinebox/pkg/backup"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
)

//go:embed ln.1
var manPage string

var Applet = applet.Applet{
	Name:    "ln",
	Summary: "make links between files",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog: "ln",
	Usage: []string{
		"[OPTION]... [-T] TARGET LINK_NAME",
		"[OPTION]... TARGET",
		"[OPTION]... TARGET... DIRECTORY",
		"[OPTION]... -t DIRECTORY TARGET...",
	},
	Summary: "In the 1st form, create a link to TARGET with the name LINK_NAME.\n" +
		"In the 2nd form, create a link to TARGET in the current directory.\n" +
		"In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.\n" +
		"Create hard links by default, symbolic links with --symbolic.\n" +
		"By default, each destination (name of new link) should not already exist.\n" +
		"When creating hard links, each TARGET must exist.  Symbolic links\n" +
		"can hold arbitrary text; if later resolved, a relative link is\n" +
		"interpreted in relation to its parent directory.\n\n" +
		"Mandatory arguments to long options are mandatory for short options too.",
	Options: []getopt.Option{
		{Long: "backup", Arg: getopt.OptionalArg, ArgName: "CONTROL", Help: "make a backup of each existing destination file"},
		{Short: 'b', Help: "like --backup but does not accept an argument"},
		{Short: 'd', Long: "directory", Help: "allow the superuser to attempt to hard link\ndirectories (note: will probably fail due to\nsystem restrictions, even for the superuser)"},
		{Short: 'F', Help: "same as -d"},
		{Short: 'f', Long: "force", Help: "remove existing destination files"},
		{Short: 'i', Long: "interactive", Help: "prompt whether to remove destinations"},
		{Short: 'L', Long: "logical", Help: "dereference TARGETs that are symbolic links"},
		{Short: 'n', Long: "no-dereference", Help: "treat LINK_NAME as a normal file if\nit is a symbolic link to a directory"},
		{Short: 'P', Long: "physical", Help: "make hard links directly to symbolic links"},
		{Short: 'r', Long: "relative", Help: "with -s, create links relative to link location"},
		{Short: 's', Long: "symbolic", Help: "make symbolic links instead of hard links"},
		{Short: 'S', Long: "suffix", Arg: getopt.RequiredArg, ArgName: "SUFFIX", Help: "override the usual backup suffix"},
		{Short: 't', Long: "target-directory", Arg: getopt.RequiredArg, ArgName: "DIRECTORY", Help: "specify the DIRECTORY in which to create\nthe links"},
		{Short: 'T', Long: "no-target-directory", Help: "treat LINK_NAME as a normal file always"},
		{Short: 'v', Long: "verbose", Help: "print name of each linked file"},
	},
	Footer: "The backup suffix is '~', unless set with --suffix or SIMPLE_BACKUP_SUFFIX.\n" +
		"The version control method may be selected via the --backup option or through\n" +
		"the VERSION_CONTROL environment variable.  Here are the values:\n\n" +
		"  none, off       never make backups (even if --backup is given)\n" +
		"  numbered, t     make numbered backups\n" +
		"  existing, nil   numbered if numbered backups exist, simple otherwise\n" +
		"  simple, never   always make simple backups\n\n" +
		"Using -s ignores -L and -P.  Otherwise, the last option specified controls\n" +
		"behavior when a TARGET is a symbolic link, defaulting to -P.",
}

type ln struct {
	io          *applet.IO
	q           quote.Quoter
	answers     *ask.Reader
	symbolic    bool
	force       bool
	interactive bool
	logical     bool
	relative    bool
	dirs        bool
	verbose     bool
	backup      backup.Options
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	x := &ln{io: io, q: quote.ForEnv(io.Env)}
	noDeref, noTargetDir := false, false
	targetDir, hasTargetDir := "", false
	makeBackup, control, suffix, hasSuffix := false, "", "", false
	for _, o := range r.Opts {
		switch o.Key {
		case "backup":
			makeBackup = true
			if o.HasArg {
				control = o.Value
			}
		case "b":
			makeBackup = true
		case "directory", "F":
			x.dirs = true
		case "force":
			x.force, x.interactive = true, false
		case "interactive":
			x.interactive, x.force = true, false
		case "logical":
			x.logical = true
		case "physical":
			x.logical = false
		case "no-dereference":
			noDeref = true
		case "relative":
			x.relative = true
		case "symbolic":
			x.symbolic = true
		case "suffix": // GNU: a suffix asks for backups too
			makeBackup, suffix, hasSuffix = true, o.Value, true
		case "target-directory":
			if hasTargetDir {
				io.Errorf("multiple target directories specified")
				return 1
			}
			targetDir, hasTargetDir = o.Value, true
		case "no-target-directory":
			noTargetDir = true
		case "verbose":
			x.verbose = true
		}
	}
	if makeBackup || hasSuffix {
		b, bad := backup.Resolve(io.Getenv, control)
		if bad != nil {
			return x.badControl(bad.Kind, bad.Value, bad.What)
		}
		if !makeBackup {
			b.Kind = backup.None
		}
		if hasSuffix {
			b.Suffix = suffix
		}
		x.backup = b
	}
	if x.relative && !x.symbolic {
		io.Errorf("cannot do --relative without --symbolic")
		return 1
	}
	files := r.Operands
	if noTargetDir && hasTargetDir {
		io.Errorf("cannot combine --target-directory and --no-target-directory")
		return 1
	}
	if len(files) == 0 {
		return io.UsageError(1, "missing file operand")
	}
	x.answers = ask.New(io.Stdin)
	switch {
	case noTargetDir:
		if len(files) < 2 {
			return io.UsageError(1, "missing destination file operand after %s", x.q.Always(files[0]))
		}
		if len(files) > 2 {
			return io.UsageError(1, "extra operand %s", x.q.Always(files[2]))
		}
		return x.finish(x.link(files[0], files[1]))
	case hasTargetDir:
	case len(files) == 1:
		targetDir = "."
	default:
		last := files[len(files)-1]
		if isDir(fsname.Join(io.Dir, last), noDeref) {
			targetDir, files = last, files[:len(files)-1]
		} else if len(files) > 2 {
			err := dirError(fsname.Join(io.Dir, last), noDeref)
			io.Errorf("target %s: %s", x.q.Always(last), errno.Message(err))
			return 1
		} else {
			return x.finish(x.link(files[0], files[1]))
		}
	}
	if hasTargetDir {
		if err := dirError(fsname.Join(io.Dir, targetDir), false); err != nil {
			if err == unix.ENOTDIR {
				io.Errorf("target %s is not a directory", x.q.Always(targetDir))
			} else {
				io.Errorf("failed to access %s: %s", x.q.Always(targetDir), errno.Message(err))
			}
			return 1
		}
	}
	ok := true
	for _, f := range files {
		if !x.link(f, fsname.Concat(targetDir, strings.TrimRight(fsname.LastComponent(f), "/"))) {
			ok = false
		}
	}
	return x.finish(ok)
}

func (x *ln) finish(ok bool) int {
	if ok {
		return x.io.Finish(0)
	}
	return x.io.Finish(1)
}

func (x *ln) badControl(kind, v, what string) int {
	x.io.Errorf("%s argument %s for %s", kind, x.q.Locale(v), x.q.Locale(what))
	fmt.Fprint(x.io.Stderr, backup.ValidList)
	fmt.Fprintf(x.io.Stderr, "Try '%s --help' for more information.\n", x.io.Name)
	return 1
}

// isDir reports whether path is a directory, following a symbolic link
// unless noDeref.
func isDir(path string, noDeref bool) bool {
	return dirError(path, noDeref) == nil
}

func dirError(path string, noDeref bool) error {
	var st unix.Stat_t
	var err error
	if noDeref {
		err = unix.Lstat(path, &st)
	} else {
		err = unix.Stat(path, &st)
	}
	if err != nil {
		return err
	}
	if st.Mode&mode.TypeMask != mode.TypeDir {
		return unix.ENOTDIR
	}
	return nil
}

// link makes the link dest to source and reports it.
func (x *ln) link(source, dest string) bool {
	src := fsname.Join(x.io.Dir, source)
	dst := fsname.Join(x.io.Dir, dest)
	var srcSt unix.Stat_t
	if !x.symbolic {
		var err error
		if x.logical {
			err = unix.Stat(src, &srcSt)
		} else {
			err = unix.Lstat(src, &srcSt)
		}
		if err != nil {
			x.io.Errorf("failed to access %s: %s", x.q.Always(source), errno.Message(err))
			return false
		}
		if srcSt.Mode&mode.TypeMask == mode.TypeDir && !x.dirs {
			x.io.Errorf("%s: hard link not allowed for directory", x.q.ShellColon(source))
			return false
		}
	}
	content := source
	if x.relative {
		content = relativeTarget(x.io.Dir, source, dest)
	}
	var dstSt unix.Stat_t
	lerr := unix.Lstat(dst, &dstSt)
	exists := lerr == nil
	if lerr != nil && lerr != unix.ENOENT && (x.force || x.interactive || x.backup.Kind != backup.None) {
		// As GNU ln, which looks at what it may replace: "f/" where f
		// is a file is not there to replace.
		x.io.Errorf("failed to access %s: %s", x.q.Always(dest), errno.Message(lerr))
		return false
	}
	if exists && (x.force || x.interactive || x.backup.Kind != backup.None) {
		if x.sameFile(source, dest, content, &srcSt, &dstSt) {
			x.io.Errorf("%s and %s are the same file", x.q.Always(source), x.q.Always(dest))
			return false
		}
		if dstSt.Mode&mode.TypeMask == mode.TypeDir {
			x.io.Errorf("%s: cannot overwrite directory", x.q.ShellColon(dest))
			return false
		}
		if x.interactive {
			x.io.Stdout.Flush()
			fmt.Fprintf(x.io.Stderr, "%s: replace %s? ", x.io.Name, x.q.Always(dest))
			if !x.answers.Yes() {
				return true
			}
		}
	}
	backupName := ""
	if exists && x.backup.Kind != backup.None {
		path := x.backup.Name(dst)
		if err := unix.Rename(dst, path); err != nil {
			x.io.Errorf("cannot backup %s: %s", x.q.Always(dest), errno.Message(err))
			return false
		}
		backupName = dest + path[len(dst):] // as the user named it
	}
	makeLink := func(at string) error {
		if x.symbolic {
			return unix.Symlink(content, at)
		}
		flags := 0
		if x.logical {
			flags = unix.AT_SYMLINK_FOLLOW
		}
		return unix.Linkat(unix.AT_FDCWD, src, unix.AT_FDCWD, at, flags)
	}
	err := makeLink(dst)
	if err == unix.EEXIST && exists && backupName == "" && (x.force || x.interactive) {
		// As GNU ln (gnulib's force_linkat): make the link under a
		// temporary name beside dest and rename it over dest, so dest is
		// never missing, and a link to dest's own data (ln -Lf link
		// target, when target has another name) cannot lose it.
		err = replaceWith(dst, makeLink)
	}
	if err != nil {
		x.linkError(err, content, dest)
		return false
	}
	if x.verbose {
		if backupName != "" {
			fmt.Fprintf(x.io.Stdout, "%s ~ ", x.q.Always(backupName))
		}
		arrow := '='
		if x.symbolic {
			arrow = '-'
		}
		fmt.Fprintf(x.io.Stdout, "%s %c> %s\n", x.q.Always(dest), arrow, x.q.Always(content))
	}
	return true
}

// sameFile reports whether making the link would replace the file it is
// to point to: a hard link onto the same directory entry (or onto the
// only name of the file), a symbolic link whose text, read from the
// link's directory, names the destination itself.
func (x *ln) sameFile(source, dest, content string, srcSt, dstSt *unix.Stat_t) bool {
	if x.symbolic {
		var st unix.Stat_t
		target := content
		if !strings.HasPrefix(target, "/") {
			target = fsname.Concat(dirOf(dest), target)
		}
		// The target followed, dest not: "ln -sf l l" may replace the
		// link l, "ln -sf f f" must not replace f.
		return unix.Stat(fsname.Join(x.io.Dir, target), &st) == nil && st.Dev == dstSt.Dev && st.Ino == dstSt.Ino
	}
	if srcSt.Dev != dstSt.Dev || srcSt.Ino != dstSt.Ino {
		return false
	}
	if srcSt.Nlink == 1 {
		return true
	}
	var a, b unix.Stat_t
	return fsname.LastComponent(source) == fsname.LastComponent(dest) &&
		unix.Stat(fsname.Join(x.io.Dir, dirOf(source)), &a) == nil &&
		unix.Stat(fsname.Join(x.io.Dir, dirOf(dest)), &b) == nil && a.Dev == b.Dev && a.Ino == b.Ino
}

// replaceWith makes a new file with make under an unused temporary name in
// dst's directory and renames it to dst. If the two were already one file
// (rename(2) then does nothing), the temporary name goes.
func replaceWith(dst string, make func(string) error) error {
	dir := dirOf(dst)
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	seed := uint64(time.Now().UnixNano()) ^ uint64(unix.Getpid())<<32
	for try := 0; try < 100; try++ {
		name := make8(letters, &seed)
		tmp := fsname.Concat(dir, name)
		err := make(tmp)
		if err == unix.EEXIST {
			continue
		}
		if err != nil {
			return err
		}
		if err := unix.Rename(tmp, dst); err != nil {
			unix.Unlink(tmp)
			return err
		}
		var st unix.Stat_t
		if unix.Lstat(tmp, &st) == nil {
			unix.Unlink(tmp)
		}
		return nil
	}
	return unix.EEXIST
}

// make8 returns eight letters drawn from a xorshift sequence.
func make8(letters string, seed *uint64) string {
	var b [8]byte
	for i := range b {
		*seed ^= *seed << 13
		*seed ^= *seed >> 7
		*seed ^= *seed << 17
		b[i] = letters[*seed%uint64(len(letters))]
	}
	return string(b[:])
}

// dirOf returns the directory part of name, "." when there is none.
func dirOf(name string) string {
	i := strings.LastIndexByte(strings.TrimRight(name, "/"), '/')
	if i < 0 {
		return "."
	}
	if i == 0 {
		return "/"
	}
	return name[:i]
}

// linkError words a failed link(2) or symlink(2) as GNU ln does.
func (x *ln) linkError(err error, source, dest string) {
	msg := errno.Message(err)
	if x.symbolic {
		if err != unix.ENAMETOOLONG && source != "" {
			x.io.Errorf("failed to create symbolic link %s: %s", x.q.Always(dest), msg)
		} else {
			x.io.Errorf("failed to create symbolic link %s -> %s: %s", x.q.Always(dest), x.q.Always(source), msg)
		}
		return
	}
	switch err {
	case unix.EMLINK:
		x.io.Errorf("failed to create hard link to %s: %s", x.q.Always(source), msg)
	case unix.EDQUOT, unix.EEXIST, unix.ENOSPC, unix.EROFS:
		x.io.Errorf("failed to create hard link %s: %s", x.q.Always(dest), msg)
	default:
		x.io.Errorf("failed to create hard link %s => %s: %s", x.q.Always(dest), x.q.Always(source), msg)
	}
}

// relativeTarget returns the path of source relative to the directory
// that will hold dest, both canonicalized, for ln -r.
func relativeTarget(dir, source, dest string) string {
	src, err := fsname.Canonicalize(dir, source, fsname.Missing)
	if err != nil {
		return source
	}
	dstDir, err := fsname.Canonicalize(dir, dest, fsname.Missing)
	if err != nil {
		return source
	}
	rel, err := filepath.Rel(filepath.Dir(dstDir), src)
	if err != nil {
		return source
	}
	return rel
}
