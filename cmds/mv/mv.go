// Package mv implements mv(1): move (rename) files.
//
// Within one file system a move is rename(2): the inode stays, only the
// directory entry changes, so it is instant whatever the size and the
// file keeps its owner, mode and times. Across file systems rename fails
// with EXDEV and mv copies instead (contents, mode, owner, times,
// symbolic links, special files, hard links within the tree) and then
// removes the source, as GNU mv does; -v then says "copied", "created
// directory" and "removed".
package mv

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/ask"
	"github.com/zinebox/zinebox/pkg/backup"
	"github.com/zinebox/zinebox/pkg/copyfile"
	"github.com/zinebox/zinebox/pkg/dirent"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed mv.1
var manPage string

var Applet = applet.Applet{
	Name:    "mv",
	Summary: "move (rename) files",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog: "mv",
	Usage: []string{
		"[OPTION]... [-T] SOURCE DEST",
		"[OPTION]... SOURCE... DIRECTORY",
		"[OPTION]... -t DIRECTORY SOURCE...",
	},
	Summary: "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n\n" +
		"Mandatory arguments to long options are mandatory for short options too.",
	Options: []getopt.Option{
		{Long: "backup", Arg: getopt.OptionalArg, ArgName: "CONTROL", Help: "make a backup of each existing destination file"},
		{Short: 'b', Help: "like --backup but does not accept an argument"},
		{Short: 'f', Long: "force", Help: "do not prompt before overwriting"},
		{Short: 'i', Long: "interactive", Help: "prompt before overwrite"},
		{Short: 'n', Long: "no-clobber", Help: "do not overwrite an existing file"},
		{Long: "strip-trailing-slashes", Help: "remove any trailing slashes from each SOURCE\nargument"},
		{Short: 'S', Long: "suffix", Arg: getopt.RequiredArg, ArgName: "SUFFIX", Help: "override the usual backup suffix"},
		{Short: 't', Long: "target-directory", Arg: getopt.RequiredArg, ArgName: "DIRECTORY", Help: "move all SOURCE arguments into DIRECTORY"},
		{Short: 'T', Long: "no-target-directory", Help: "treat DEST as a normal file"},
		{Short: 'u', Long: "update", Help: "move only when the SOURCE file is newer\nthan the destination file or when the\ndestination file is missing"},
		{Short: 'v', Long: "verbose", Help: "explain what is being done"},
	},
	Footer: "The backup suffix is '~', unless set with --suffix or SIMPLE_BACKUP_SUFFIX.\n" +
		"The version control method may be selected via the --backup option or through\n" +
		"the VERSION_CONTROL environment variable.\n\n" +
		"If you specify more than one of -i, -f, -n, only the final one takes effect.",
}

// What to do with an existing destination.
const (
	askIfProtected = iota // default: ask only about unwritable files on a terminal
	force
	ask_
	noClobber
)

type mv struct {
	io       *applet.IO
	q        quote.Quoter
	answers  *ask.Reader
	replace  int
	update   bool
	verbose  bool
	stdinTTY bool
	backup   backup.Options
	failed   bool
	links    map[[2]uint64]string
	copier   copyfile.Copier
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	x := &mv{io: io, q: quote.ForEnv(io.Env)}
	noTargetDir := false
	targetDir, hasTargetDir := "", false
	makeBackup, control, suffix, hasSuffix := false, "", "", false
	stripSlashes := false
	for _, o := range r.Opts {
		switch o.Key {
		case "backup":
			makeBackup = true
			if o.HasArg {
				control = o.Value
			}
		case "b":
			makeBackup = true
		case "force":
			x.replace = force
		case "interactive":
			x.replace = ask_
		case "no-clobber":
			x.replace = noClobber
		case "strip-trailing-slashes":
			stripSlashes = true
		case "suffix":
			makeBackup, suffix, hasSuffix = true, o.Value, true
		case "target-directory":
			if hasTargetDir {
				io.Errorf("multiple target directories specified")
				return 1
			}
			targetDir, hasTargetDir = o.Value, true
		case "no-target-directory":
			noTargetDir = true
		case "update":
			x.update = true
		case "verbose":
			x.verbose = true
		}
	}
	if makeBackup {
		b, bad := backup.Resolve(io.Getenv, control)
		if bad != nil {
			return x.badWord(bad.Kind, bad.Value, bad.What)
		}
		if hasSuffix {
			b.Suffix = suffix
		}
		if x.replace == noClobber {
			io.Errorf("options --backup and --no-clobber are mutually exclusive")
			fmt.Fprintf(io.Stderr, "Try '%s --help' for more information.\n", io.Name)
			return 1
		}
		x.backup = b
	}
	if noTargetDir && hasTargetDir {
		io.Errorf("cannot combine --target-directory (-t) and --no-target-directory (-T)")
		return 1
	}
	files := r.Operands
	if stripSlashes {
		for i, f := range files {
			if t := strings.TrimRight(f, "/"); t != "" {
				files[i] = t
			}
		}
	}
	if len(files) == 0 {
		return io.UsageError(1, "missing file operand")
	}
	if f := io.StdinFile(); f != nil {
		x.stdinTTY = stdio.IsTerminal(f)
	}
	x.answers = ask.New(io.Stdin)
	switch {
	case hasTargetDir:
		var st unix.Stat_t
		if err := unix.Stat(x.path(targetDir), &st); err != nil || st.Mode&mode.TypeMask != mode.TypeDir {
			if err == nil {
				err = unix.ENOTDIR
			}
			io.Errorf("target directory %s: %s", x.q.Always(targetDir), errno.Message(err))
			return 1
		}
	case noTargetDir:
		if len(files) < 2 {
			return io.UsageError(1, "missing destination file operand after %s", x.q.Always(files[0]))
		}
		if len(files) > 2 {
			return io.UsageError(1, "extra operand %s", x.q.Always(files[2]))
		}
		x.move(files[0], files[1])
		return x.finish()
	case len(files) == 1:
		return io.UsageError(1, "missing destination file operand after %s", x.q.Always(files[0]))
	default:
		last := files[len(files)-1]
		var st unix.Stat_t
		err := unix.Stat(x.path(last), &st)
		if err == nil && st.Mode&mode.TypeMask == mode.TypeDir {
			targetDir, files = last, files[:len(files)-1]
		} else if len(files) > 2 {
			if err == nil {
				err = unix.ENOTDIR
			}
			io.Errorf("target %s: %s", x.q.Always(last), errno.Message(err))
			return 1
		} else {
			x.move(files[0], files[1])
			return x.finish()
		}
	}
	for _, f := range files {
		x.move(f, fsname.Concat(targetDir, strings.TrimRight(fsname.LastComponent(f), "/")))
	}
	return x.finish()
}

func (x *mv) finish() int {
	if x.failed {
		return x.io.Finish(1)
	}
	return x.io.Finish(0)
}

func (x *mv) badWord(kind, v, what string) int {
	x.io.Errorf("%s argument %s for %s", kind, x.q.Locale(v), x.q.Locale(what))
	fmt.Fprint(x.io.Stderr, backup.ValidList)
	fmt.Fprintf(x.io.Stderr, "Try '%s --help' for more information.\n", x.io.Name)
	return 1
}

func (x *mv) path(name string) string { return fsname.Join(x.io.Dir, name) }

func (x *mv) errorf(format string, args ...any) {
	x.io.Errorf(format, args...)
	x.failed = true
}

// move moves one source to dst.
func (x *mv) move(src, dst string) {
	var st unix.Stat_t
	if err := unix.Lstat(x.path(src), &st); err != nil {
		x.errorf("cannot stat %s: %s", x.q.Always(src), errno.Message(err))
		return
	}
	isDir := st.Mode&mode.TypeMask == mode.TypeDir
	var dst0 unix.Stat_t
	lerr := unix.Lstat(x.path(dst), &dst0)
	exists := lerr == nil
	if lerr != nil && lerr != unix.ENOENT {
		x.errorf("cannot stat %s: %s", x.q.Always(dst), errno.Message(lerr)) // "f/" where f is a file
		return
	}
	backupName := ""
	if exists {
		if !x.sameFileOK(src, dst, &st, &dst0) {
			x.errorf("%s and %s are the same file", x.q.Always(src), x.q.Always(dst))
			return
		}
		dstDir := dst0.Mode&mode.TypeMask == mode.TypeDir
		if isDir && !dstDir {
			x.errorf("cannot overwrite non-directory %s with directory %s", x.q.Always(dst), x.q.Always(src))
			return
		}
		if !isDir && dstDir {
			x.errorf("cannot overwrite directory %s with non-directory", x.q.Always(dst))
			return
		}
		switch {
		case x.replace == noClobber:
			return
		case x.replace == ask_:
			if !x.prompt("overwrite %s? ", dst) {
				return
			}
		case x.replace == askIfProtected && x.stdinTTY && dst0.Mode&mode.TypeMask != mode.TypeLink &&
			unix.Faccessat(unix.AT_FDCWD, x.path(dst), unix.W_OK, unix.AT_EACCESS) != nil:
			perm := dst0.Mode & mode.All
			q := fmt.Sprintf("replace %%s, overriding mode %04o (%s)? ", perm, mode.Permissions(dst0.Mode))
			if !x.prompt(q, dst) {
				return
			}
		}
		if x.update && !copyfile.Newer(&st, &dst0) {
			return
		}
		if x.backup.Kind != backup.None && !dstDir {
			p := x.backup.Name(x.path(dst))
			if err := unix.Rename(x.path(dst), p); err != nil {
				x.errorf("cannot backup %s: %s", x.q.Always(dst), errno.Message(err))
				return
			}
			backupName = dst + p[len(x.path(dst)):]
		}
	}
	err := unix.Rename(x.path(src), x.path(dst))
	if err == unix.EXDEV {
		x.moveAcross(src, dst, &st, exists && backupName == "")
		return
	}
	if err != nil {
		if err == unix.EINVAL && isDir {
			x.errorf("cannot move %s to a subdirectory of itself, %s", x.q.Always(src), x.q.Always(dst))
		} else {
			x.errorf("cannot move %s to %s: %s", x.q.Always(src), x.q.Always(dst), errno.Message(err))
		}
		return
	}
	if x.verbose {
		fmt.Fprintf(x.io.Stdout, "renamed %s -> %s", x.q.Always(src), x.q.Always(dst))
		if backupName != "" {
			fmt.Fprintf(x.io.Stdout, " (backup: %s)", x.q.Always(backupName))
		}
		fmt.Fprintln(x.io.Stdout)
	}
}

// sameFileOK decides, as GNU mv does, whether moving src onto the existing
// dst would lose data because they are one file: two names of it, or a
// symbolic link and the file it points to ("mv link target" would leave a
// link to itself). Replacing a symbolic link is always fine, and so is
// moving a link onto another name of its target (the data keeps a name).
func (x *mv) sameFileOK(src, dst string, st, dst0 *unix.Stat_t) bool {
	isLink := func(s *unix.Stat_t) bool { return s.Mode&mode.TypeMask == mode.TypeLink }
	same := st.Dev == dst0.Dev && st.Ino == dst0.Ino
	sameName := copyfile.SameEntry(x.io.Dir, src, dst)
	if isLink(st) && isLink(dst0) {
		if !sameName && same {
			return x.backup.Kind != backup.None
		}
		return !sameName
	}
	if x.backup.Kind != backup.None {
		return !same || !sameName
	}
	if isLink(dst0) {
		return true
	}
	if same && dst0.Nlink > 1 && !sameName {
		return false
	}
	if !isLink(st) {
		return !same
	}
	if dst0.Nlink > 1 {
		// The link's target may be another name of dst: then dst's data
		// stays reachable under that name.
		if abs, err := fsname.Canonicalize(x.io.Dir, src, fsname.Existing); err == nil {
			return !copyfile.SameEntry(x.io.Dir, abs, dst)
		}
	}
	var target unix.Stat_t
	if unix.Stat(x.path(src), &target) != nil {
		return true
	}
	return target.Dev != dst0.Dev || target.Ino != dst0.Ino
}

func (x *mv) prompt(format, name string) bool {
	x.io.Stdout.Flush()
	fmt.Fprintf(x.io.Stderr, "%s: "+format, x.io.Name, x.q.Always(name))
	return x.answers.Yes()
}

// moveAcross moves to another file system: copy everything, then remove
// the source only if the whole copy succeeded.
func (x *mv) moveAcross(src, dst string, st *unix.Stat_t, replace bool) {
	if replace {
		var d unix.Stat_t
		if unix.Lstat(x.path(dst), &d) == nil && d.Mode&mode.TypeMask == mode.TypeDir {
			if err := unix.Rmdir(x.path(dst)); err != nil {
				x.errorf("inter-device move failed: %s to %s; unable to remove target: %s",
					x.q.Always(src), x.q.Always(dst), errno.Message(err))
				return
			}
		} else if err := unix.Unlink(x.path(dst)); err != nil && err != unix.ENOENT {
			x.errorf("inter-device move failed: %s to %s; unable to remove target: %s",
				x.q.Always(src), x.q.Always(dst), errno.Message(err))
			return
		}
	}
	if x.links == nil {
		x.links = map[[2]uint64]string{} // shared by all operands, as in GNU mv
	}
	if !x.copyTree(src, dst, st) {
		return
	}
	x.remove(src, st)
}

// copyTree copies src (already lstat'ed into st) to dst, preserving all.
func (x *mv) copyTree(src, dst string, st *unix.Stat_t) bool {
	p := x.path(dst)
	typ := st.Mode & mode.TypeMask
	key := [2]uint64{st.Dev, st.Ino}
	var err error
	switch {
	case typ == mode.TypeDir:
		if err = unix.Mkdir(p, 0o700); err != nil {
			x.errorf("cannot create directory %s: %s", x.q.Always(dst), errno.Message(err))
			return false
		}
		if x.verbose {
			fmt.Fprintf(x.io.Stdout, "created directory %s\n", x.q.Always(dst))
		}
		ok := true
		for _, name := range x.entries(src) {
			var cst unix.Stat_t
			if err := unix.Lstat(x.path(fsname.Concat(src, name)), &cst); err != nil {
				x.errorf("cannot stat %s: %s", x.q.Always(fsname.Concat(src, name)), errno.Message(err))
				ok = false
				continue
			}
			if !x.copyTree(fsname.Concat(src, name), fsname.Concat(dst, name), &cst) {
				ok = false
			}
		}
		x.attributes(src, dst, st, false)
		return ok
	case x.links[key] != "": // even if the first name is gone by now
		// Another name of a file already copied: link to the copy.
		if err := unix.Link(x.path(x.links[key]), p); err != nil {
			x.errorf("cannot create hard link %s to %s: %s", x.q.Always(dst), x.q.Always(x.links[key]), errno.Message(err))
			return false
		}
		return true
	case typ == mode.TypeLink:
		var target string
		if target, err = copyfile.Readlink(x.path(src)); err == nil {
			err = unix.Symlink(target, p)
		}
	case typ == mode.TypeReg:
		if !x.copyFile(src, dst, st) {
			return false
		}
	case typ == mode.TypeFifo:
		err = unix.Mkfifo(p, 0o600)
	default:
		err = unix.Mknod(p, typ|0o600, int(st.Rdev))
	}
	if err != nil {
		x.errorf("cannot create %s: %s", x.q.Always(dst), errno.Message(err))
		return false
	}
	if st.Nlink > 1 && x.links[key] == "" {
		x.links[key] = dst
	}
	if typ != mode.TypeReg {
		x.attributes(src, dst, st, typ == mode.TypeLink)
	}
	if x.verbose {
		fmt.Fprintf(x.io.Stdout, "copied %s -> %s\n", x.q.Always(src), x.q.Always(dst))
	}
	return true
}

// attributes gives the copy the owner, mode and times of the original.
func (x *mv) attributes(src, dst string, st *unix.Stat_t, isLink bool) {
	p := x.path(dst)
	unix.Lchown(p, int(st.Uid), int(st.Gid))
	if !isLink {
		// The permission bits go as an ACL, as with GNU mv: a set-group-ID
		// bit the copy inherited from its new directory stays.
		isDir := st.Mode&mode.TypeMask == mode.TypeDir
		if err := copyfile.SetPermissions(-1, p, x.path(src), st.Mode, isDir); err != nil {
			x.errorf("preserving permissions for %s: %s", x.q.Always(dst), errno.Message(err))
		}
	}
	ts := []unix.Timespec{st.Atim, st.Mtim}
	unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, unix.AT_SYMLINK_NOFOLLOW)
}

func (x *mv) copyFile(src, dst string, st *unix.Stat_t) bool {
	in, err := unix.Open(x.path(src), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		x.errorf("cannot open %s for reading: %s", x.q.Always(src), errno.Message(err))
		return false
	}
	defer unix.Close(in)
	out, err := unix.Open(x.path(dst), unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o600)
	if err != nil {
		x.errorf("cannot create regular file %s: %s", x.q.Always(dst), errno.Message(err))
		return false
	}
	ok := x.copyData(in, out, src, dst)
	if err := unix.Close(out); err != nil && ok {
		x.errorf("failed to close %s: %s", x.q.Always(dst), errno.Message(err))
		ok = false
	}
	if !ok {
		unix.Unlink(x.path(dst)) // never leave a half copy for a move that failed
		return false
	}
	x.attributes(src, dst, st, false)
	return true
}

// copyData moves the bytes and reports a failure under the name of the
// side that failed.
func (x *mv) copyData(in, out int, src, dst string) bool {
	writing, err := x.copier.Copy(out, in)
	switch {
	case err == nil:
		return true
	case writing:
		x.errorf("error writing %s: %s", x.q.Always(dst), errno.Message(err))
	default:
		x.errorf("error reading %s: %s", x.q.Always(src), errno.Message(err))
	}
	return false
}

func (x *mv) entries(dir string) []string {
	fd, err := unix.Open(x.path(dir), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		x.errorf("cannot access %s: %s", x.q.Always(dir), errno.Message(err))
		return nil
	}
	defer unix.Close(fd)
	recs, err := dirent.ReadAll(fd, nil)
	if err != nil {
		x.errorf("cannot access %s: %s", x.q.Always(dir), errno.Message(err))
	}
	var names []string
	for _, e := range dirent.Entries(recs) {
		names = append(names, string(e.Name))
	}
	return names
}

// remove removes the moved source, bottom-up.
func (x *mv) remove(src string, st *unix.Stat_t) bool {
	if st.Mode&mode.TypeMask != mode.TypeDir {
		if err := unix.Unlink(x.path(src)); err != nil {
			x.errorf("cannot remove %s: %s", x.q.Always(src), errno.Message(err))
			return false
		}
		if x.verbose {
			fmt.Fprintf(x.io.Stdout, "removed %s\n", x.q.Always(src))
		}
		return true
	}
	ok := true
	for _, name := range x.entries(src) {
		var cst unix.Stat_t
		if unix.Lstat(x.path(fsname.Concat(src, name)), &cst) == nil && !x.remove(fsname.Concat(src, name), &cst) {
			ok = false
		}
	}
	if !ok {
		return false
	}
	if err := unix.Rmdir(x.path(src)); err != nil {
		x.errorf("cannot remove %s: %s", x.q.Always(src), errno.Message(err))
		return false
	}
	if x.verbose {
		fmt.Fprintf(x.io.Stdout, "removed directory %s\n", x.q.Always(src))
	}
	return true
}
