// Package cp implements cp(1): copy files and directories.
//
// Copying makes a new inode with the same contents: a new owner (the one
// who copies), new times and the source's permission bits minus the umask,
// without set-user-ID and set-group-ID, unless -p or -a asks to preserve
// them (the zine's "permissions" page: a copied setuid binary is not
// setuid). Options, messages and exit codes follow GNU cp 9.1. Data moves
// with copy_file_range(2) when the kernel can, read/write otherwise; a
// failed write (ENOSPC) is reported and makes the exit status 1.
package cp

import (
	_ "embed"
	"fmt"
	"sort"
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
)

//go:embed cp.1
var manPage string

var Applet = applet.Applet{
	Name:    "cp",
	Summary: "copy files and directories",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog: "cp",
	Usage: []string{
		"[OPTION]... [-T] SOURCE DEST",
		"[OPTION]... SOURCE... DIRECTORY",
		"[OPTION]... -t DIRECTORY SOURCE...",
	},
	Summary: "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n\n" +
		"Mandatory arguments to long options are mandatory for short options too.",
	Options: []getopt.Option{
		{Short: 'a', Long: "archive", Help: "same as -dR --preserve=all"},
		{Long: "attributes-only", Help: "don't copy the file data, just the attributes"},
		{Long: "backup", Arg: getopt.OptionalArg, ArgName: "CONTROL", Help: "make a backup of each existing destination file"},
		{Short: 'b', Help: "like --backup but does not accept an argument"},
		{Long: "copy-contents", Help: "copy contents of special files when recursive"},
		{Short: 'd', Help: "same as --no-dereference --preserve=links"},
		{Short: 'f', Long: "force", Help: "if an existing destination file cannot be\nopened, remove it and try again (this option\nis ignored when the -n option is also used)"},
		{Short: 'i', Long: "interactive", Help: "prompt before overwrite (overrides a previous -n\noption)"},
		{Short: 'H', Help: "follow command-line symbolic links in SOURCE"},
		{Short: 'l', Long: "link", Help: "hard link files instead of copying"},
		{Short: 'L', Long: "dereference", Help: "always follow symbolic links in SOURCE"},
		{Short: 'n', Long: "no-clobber", Help: "do not overwrite an existing file (overrides\na previous -i option)"},
		{Short: 'P', Long: "no-dereference", Help: "never follow symbolic links in SOURCE"},
		{Short: 'p', Help: "same as --preserve=mode,ownership,timestamps"},
		{Long: "preserve", Arg: getopt.OptionalArg, ArgName: "ATTR_LIST", Help: "preserve the specified attributes (default:\nmode,ownership,timestamps), if possible\nadditional attributes: context, links, xattr,\nall"},
		{Long: "no-preserve", Arg: getopt.RequiredArg, ArgName: "ATTR_LIST", Help: "don't preserve the specified attributes"},
		{Long: "parents", Help: "use full source file name under DIRECTORY"},
		{Short: 'R', Long: "recursive", Help: "copy directories recursively"},
		{Short: 'r', Help: "same as -R"},
		{Long: "reflink", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "control clone/CoW copies (accepted, ignored)"},
		{Long: "remove-destination", Help: "remove each existing destination file before\nattempting to open it (contrast with --force)"},
		{Long: "sparse", Arg: getopt.RequiredArg, ArgName: "WHEN", Help: "control creation of sparse files (accepted, ignored)"},
		{Long: "strip-trailing-slashes", Help: "remove any trailing slashes from each SOURCE\nargument"},
		{Short: 's', Long: "symbolic-link", Help: "make symbolic links instead of copying"},
		{Short: 'S', Long: "suffix", Arg: getopt.RequiredArg, ArgName: "SUFFIX", Help: "override the usual backup suffix"},
		{Short: 't', Long: "target-directory", Arg: getopt.RequiredArg, ArgName: "DIRECTORY", Help: "copy all SOURCE arguments into DIRECTORY"},
		{Short: 'T', Long: "no-target-directory", Help: "treat DEST as a normal file"},
		{Short: 'u', Long: "update", Help: "copy only when the SOURCE file is newer\nthan the destination file or when the\ndestination file is missing"},
		{Short: 'v', Long: "verbose", Help: "explain what is being done"},
		{Short: 'x', Long: "one-file-system", Help: "stay on this file system"},
	},
	Footer: "By default, sparse SOURCE files are not treated specially.\n\n" +
		"The backup suffix is '~', unless set with --suffix or SIMPLE_BACKUP_SUFFIX.\n" +
		"The version control method may be selected via the --backup option or through\n" +
		"the VERSION_CONTROL environment variable.\n\n" +
		"As a special case, cp makes a backup of SOURCE when the force and backup\n" +
		"options are given and SOURCE and DEST are the same name for an existing,\n" +
		"regular file.",
}

// When to follow symbolic links in sources.
const (
	derefUnset = iota
	derefNever
	derefCommandLine
	derefAlways
)

type cp struct {
	io      *applet.IO
	q       quote.Quoter
	answers *ask.Reader
	umask   uint32

	recursive, force, interactive, noClobber, verbose, update bool
	hardLink, symLink, removeDest, oneFS, copyContents        bool
	attrsOnly                                                 bool
	deref                                                     int
	keepMode, keepOwner, keepTimes, keepLinks                 bool
	fixups                                                    []func() // see runFixups
	noMode                                                    bool     // --no-preserve=mode: new files get the default mode
	backup                                                    backup.Options

	links  map[[2]uint64]string // source (dev, ino) -> first copy, for --preserve=links
	failed bool
	// The operand being copied, to stop when the copy meets itself (cp -r
	// d d/sub finds d/sub/d while copying d).
	topSrc, topDst string
	created        map[[2]uint64]bool // directories this run made
	abort          bool
	copier         copyfile.Copier
	recs           [][]byte
}

var preserveWords = [...]string{"mode", "timestamps", "ownership", "links", "context", "xattr", "all"}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	x := &cp{io: io, q: quote.ForEnv(io.Env), umask: mode.Umask(), links: map[[2]uint64]string{}}
	noTargetDir := false
	targetDir, hasTargetDir := "", false
	makeBackup, control, suffix, hasSuffix := false, "", "", false
	stripSlashes, parents := false, false
	for _, o := range r.Opts {
		switch o.Key {
		case "archive":
			x.recursive, x.deref = true, derefNever
			x.keepMode, x.keepOwner, x.keepTimes, x.keepLinks = true, true, true, true
		case "attributes-only":
			x.attrsOnly = true
		case "backup":
			makeBackup = true
			if o.HasArg {
				control = o.Value
			}
		case "b":
			makeBackup = true
		case "copy-contents":
			x.copyContents = true
		case "d":
			x.deref, x.keepLinks = derefNever, true
		case "force":
			x.force = true
		case "interactive":
			x.interactive, x.noClobber = true, false
		case "H":
			x.deref = derefCommandLine
		case "link":
			x.hardLink = true
		case "dereference":
			x.deref = derefAlways
		case "no-clobber":
			x.noClobber, x.interactive = true, false
		case "no-dereference":
			x.deref = derefNever
		case "p":
			x.keepMode, x.keepOwner, x.keepTimes = true, true, true
		case "preserve", "no-preserve":
			on := o.Key == "preserve"
			list := "mode,ownership,timestamps"
			if o.HasArg {
				list = o.Value
			}
			for _, w := range strings.Split(list, ",") {
				if !x.setPreserve(w, on, o.Key) {
					return 1
				}
			}
		case "parents":
			parents = true
		case "recursive", "r":
			x.recursive = true
		case "remove-destination":
			x.removeDest = true
		case "strip-trailing-slashes":
			stripSlashes = true
		case "symbolic-link":
			x.symLink = true
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
		case "one-file-system":
			x.oneFS = true
		}
	}
	if x.deref == derefUnset {
		if x.recursive && !x.hardLink {
			x.deref = derefNever
		} else {
			x.deref = derefAlways
		}
	}
	if makeBackup && x.noClobber {
		io.Errorf("options --backup and --no-clobber are mutually exclusive")
		return x.usageHint()
	}
	if makeBackup {
		b, bad := backup.Resolve(io.Getenv, control)
		if bad != nil {
			return x.badWordWhat(bad.Kind, bad.Value, bad.What, backup.ValidList)
		}
		if hasSuffix {
			b.Suffix = suffix
		}
		x.backup = b
	}
	if x.hardLink && x.symLink {
		io.Errorf("cannot make both hard and symbolic links")
		return x.usageHint()
	}
	if noTargetDir && hasTargetDir {
		io.Errorf("cannot combine --target-directory (-t) and --no-target-directory (-T)")
		return 1
	}
	files := r.Operands
	if len(files) == 0 {
		return io.UsageError(1, "missing file operand")
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
	case parents && noTargetDir, parents && len(files) < 2:
		if len(files) < 2 {
			return io.UsageError(1, "missing destination file operand after %s", x.q.Always(files[0]))
		}
		return io.UsageError(1, "with --parents, the destination must be a directory")
	case noTargetDir:
		if len(files) < 2 {
			return io.UsageError(1, "missing destination file operand after %s", x.q.Always(files[0]))
		}
		if len(files) > 2 {
			return io.UsageError(1, "extra operand %s", x.q.Always(files[2]))
		}
		x.copyPair(files[0], files[1])
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
		} else if parents {
			return io.UsageError(1, "with --parents, the destination must be a directory")
		} else {
			x.copyPair(files[0], files[1])
			return x.finish()
		}
	}
	for _, f := range files {
		// GNU cp strips only sources copied into a directory: "cp
		// --strip-trailing-slashes d/ x" still names d/.
		if t := strings.TrimRight(f, "/"); stripSlashes && t != "" {
			f = t
		}
		if parents {
			dst := fsname.Concat(targetDir, strings.TrimRight(f, "/"))
			if x.makeParents(f, targetDir) {
				x.copyTop(f, dst)
			}
			x.runFixups()
			continue
		}
		base := strings.TrimRight(fsname.LastComponent(f), "/")
		x.copyTop(f, fsname.Concat(targetDir, base))
	}
	return x.finish()
}

// makeParents creates under dir the directories leading to src, for
// --parents, with the modes of the source directories. GNU reports them
// without quotes: "a -> dst/a".
func (x *cp) makeParents(src, dir string) bool {
	name := strings.TrimRight(src, "/")
	for i := 1; i < len(name); i++ {
		if name[i] != '/' || name[i-1] == '/' {
			continue
		}
		prefix := name[:i]
		dst := fsname.Concat(dir, prefix)
		var st unix.Stat_t
		if unix.Stat(x.path(dst), &st) == nil {
			if st.Mode&mode.TypeMask != mode.TypeDir {
				x.errorf("%s exists but is not a directory", x.q.Always(dst))
				return false
			}
			continue
		}
		var sst unix.Stat_t
		if err := unix.Stat(x.path(prefix), &sst); err != nil {
			x.errorf("failed to get attributes of %s: %s", x.q.Always(prefix), errno.Message(err))
			return false
		}
		// As GNU's make_dir_parents_private: leave out the bits that
		// others could use before the copy is ready, keep what mkdir(2)
		// gives (an inherited set-group-ID bit), make it ours to fill,
		// and set its final mode once the copy is done.
		var omitted uint32
		switch {
		case x.keepOwner:
			omitted = sst.Mode & 0o077
		case x.keepMode:
			omitted = sst.Mode & 0o022
		}
		if err := unix.Mkdir(x.path(dst), sst.Mode&mode.All&^omitted); err != nil {
			x.errorf("cannot make directory %s: %s", x.q.Always(dst), errno.Message(err))
			return false
		}
		if x.verbose {
			fmt.Fprintf(x.io.Stdout, "%s -> %s\n", prefix, dst)
		}
		var d unix.Stat_t
		if err := unix.Lstat(x.path(dst), &d); err != nil {
			x.errorf("failed to get attributes of %s: %s", x.q.Always(dst), errno.Message(err))
			return false
		}
		restore := false
		if !x.keepMode {
			if omitted&^d.Mode != 0 {
				omitted &^= x.umask
			}
			restore = omitted&^d.Mode != 0 || d.Mode&0o700 != 0o700
		}
		if d.Mode&0o700 != 0o700 {
			unix.Chmod(x.path(dst), (d.Mode|0o700)&mode.All)
		}
		prefix, final := prefix, (d.Mode|omitted)&mode.All
		x.fixups = append(x.fixups, func() {
			if x.keepMode || x.keepOwner || x.keepTimes {
				x.preserve(prefix, dst, &sst, false)
			}
			if restore {
				unix.Chmod(x.path(dst), final)
			}
		})
	}
	return true
}

// runFixups gives the directories --parents made their final attributes,
// innermost first, once the copy into them is done.
func (x *cp) runFixups() {
	for i := len(x.fixups) - 1; i >= 0; i-- {
		x.fixups[i]()
	}
	x.fixups = x.fixups[:0]
}

func (x *cp) finish() int {
	if x.failed {
		return x.io.Finish(1)
	}
	return x.io.Finish(0)
}

func (x *cp) usageHint() int {
	fmt.Fprintf(x.io.Stderr, "Try '%s --help' for more information.\n", x.io.Name)
	return 1
}

func (x *cp) badWordWhat(kind, v, what, valid string) int {
	x.io.Errorf("%s argument %s for %s", kind, x.q.Locale(v), x.q.Locale(what))
	fmt.Fprint(x.io.Stderr, valid)
	return x.usageHint()
}

// setPreserve turns one --preserve/--no-preserve attribute on or off.
func (x *cp) setPreserve(w string, on bool, opt string) bool {
	found := ""
	for _, p := range preserveWords {
		if p == w {
			found = p
			break
		}
		if w != "" && strings.HasPrefix(p, w) {
			if found != "" {
				found = "?"
			} else {
				found = p
			}
		}
	}
	switch found {
	case "mode":
		x.keepMode, x.noMode = on, !on
	case "timestamps":
		x.keepTimes = on
	case "ownership":
		x.keepOwner = on
	case "links":
		x.keepLinks = on
	case "context", "xattr":
	case "all":
		x.keepMode, x.keepTimes, x.keepOwner, x.keepLinks = on, on, on, on
		x.noMode = !on
	default:
		kind := "invalid"
		if found == "?" {
			kind = "ambiguous"
		}
		var valid strings.Builder
		valid.WriteString("Valid arguments are:\n")
		for _, p := range preserveWords {
			fmt.Fprintf(&valid, "  - '%s'\n", p)
		}
		x.badWordWhat(kind, w, "--"+opt, valid.String())
		return false
	}
	return true
}

func (x *cp) path(name string) string { return fsname.Join(x.io.Dir, name) }

func (x *cp) errorf(format string, args ...any) {
	x.io.Errorf(format, args...)
	x.failed = true
}

// copyTop copies one command-line operand.
// copyPair copies the one source to the destination that is not a
// directory, where "cp -f --backup f f" means, as in GNU cp, to copy f to
// its backup name.
func (x *cp) copyPair(src, dst string) {
	var st unix.Stat_t
	if x.force && x.backup.Kind != backup.None && src == dst && unix.Stat(x.path(dst), &st) == nil &&
		st.Mode&mode.TypeMask == mode.TypeReg {
		p := x.backup.Name(x.path(dst))
		kind := x.backup.Kind
		x.backup.Kind = backup.None
		x.copyTop(src, dst+p[len(x.path(dst)):])
		x.backup.Kind = kind
		return
	}
	x.copyTop(src, dst)
}

func (x *cp) copyTop(src, dst string) {
	x.topSrc, x.topDst, x.abort = src, dst, false
	x.copy(src, dst, true, 0)
}

// statSource stats a source as the dereference mode says.
func (x *cp) statSource(src string, top bool, st *unix.Stat_t) error {
	if x.deref == derefAlways || x.deref == derefCommandLine && top {
		return unix.Stat(x.path(src), st)
	}
	return unix.Lstat(x.path(src), st)
}

// copy copies src to dst (names as the user sees them).
func (x *cp) copy(src, dst string, top bool, rootDev uint64) {
	var st unix.Stat_t
	if err := x.statSource(src, top, &st); err != nil {
		x.errorf("cannot stat %s: %s", x.q.Always(src), errno.Message(err))
		return
	}
	if top {
		rootDev = st.Dev
	}
	typ := st.Mode & mode.TypeMask
	if typ == mode.TypeDir && !x.recursive {
		x.errorf("-r not specified; omitting directory %s", x.q.Always(src))
		return
	}
	if typ == mode.TypeDir && !top && x.created[[2]uint64{st.Dev, st.Ino}] {
		x.errorf("cannot copy a directory, %s, into itself, %s", x.q.Always(x.topSrc), x.q.Always(x.topDst))
		x.abort = true
		return
	}
	var dst0 unix.Stat_t
	dstExists := unix.Stat(x.path(dst), &dst0) == nil
	var dstL unix.Stat_t
	lerr := unix.Lstat(x.path(dst), &dstL)
	dstLinkExists := lerr == nil
	if lerr != nil && lerr != unix.ENOENT {
		x.errorf("cannot stat %s: %s", x.q.Always(dst), errno.Message(lerr)) // "f/" where f is a file
		return
	}
	// The destination as GNU cp looks at it: through a symbolic link only
	// when writing a regular file's data into it. A dangling link is then
	// no destination at all (not for -n, -i, -u; see copyFile).
	copyAsRegular := !x.recursive || x.copyContents
	useLstat := typ != mode.TypeReg && (!copyAsRegular || typ == mode.TypeDir || typ == mode.TypeLink) ||
		x.symLink || x.hardLink || x.backup.Kind != backup.None || x.removeDest
	d, there := &dstL, dstLinkExists
	if !useLstat {
		d, there = &dst0, dstExists
	}
	if there && !x.noClobber {
		{
			ok, now := x.sameFileOK(src, dst, top, &st, d)
			if !ok {
				x.errorf("%s and %s are the same file", x.q.Always(src), x.q.Always(dst))
				return
			}
			if now {
				return // a hard link to make that is there already
			}
		}
	}
	if typ == mode.TypeDir {
		x.copyDir(src, dst, &st, dstExists, &dst0, rootDev)
		return
	}
	if dstExists && dst0.Mode&mode.TypeMask == mode.TypeDir {
		x.errorf("cannot overwrite directory %s with non-directory", x.q.Always(dst))
		return
	}
	backupName := ""
	if there {
		if x.noClobber {
			return
		}
		if x.interactive {
			x.io.Stdout.Flush()
			fmt.Fprintf(x.io.Stderr, "%s: overwrite %s? ", x.io.Name, x.q.Always(dst))
			if !x.answers.Yes() {
				return
			}
		}
		if x.update && !copyfile.Newer(&st, d) {
			return
		}
		if x.backup.Kind != backup.None {
			p := x.backup.Name(x.path(dst))
			if err := unix.Rename(x.path(dst), p); err != nil {
				x.errorf("cannot backup %s: %s", x.q.Always(dst), errno.Message(err))
				return
			}
			backupName = dst + p[len(x.path(dst)):]
			dstExists, dstLinkExists = false, false
		} else if unlink, replace := x.removeDest || typ == mode.TypeLink && x.deref != derefAlways ||
			typ != mode.TypeReg && !(top && x.deref != derefNever) && x.recursive && !x.copyContents,
			(x.hardLink || x.symLink) && x.force; unlink || replace {
			// Without -f, -l and -s leave an existing file alone (and
			// fail); with it, GNU replaces the file without a word.
			if err := unix.Unlink(x.path(dst)); err != nil && err != unix.ENOENT {
				x.errorf("cannot remove %s: %s", x.q.Always(dst), errno.Message(err))
				return
			}
			if x.verbose && unlink {
				fmt.Fprintf(x.io.Stdout, "removed %s\n", x.q.Always(dst))
			}
			dstExists, dstLinkExists = false, false
		}
	}
	// GNU cp says what it is about to do before doing it.
	if x.verbose {
		fmt.Fprintf(x.io.Stdout, "%s -> %s", x.q.Always(src), x.q.Always(dst))
		if backupName != "" {
			fmt.Fprintf(x.io.Stdout, " (backup: %s)", x.q.Always(backupName))
		}
		fmt.Fprintln(x.io.Stdout)
	}
	ok := false
	switch {
	case x.symLink:
		if !strings.HasPrefix(src, "/") && !x.inCurrentDir(dst) {
			x.errorf("%s: can make relative symbolic links only in current directory", x.q.ShellColon(dst))
			return
		}
		ok = x.check(unix.Symlink(src, x.path(dst)), "cannot create symbolic link %s to %s", dst, src)
	case x.hardLink:
		flags := 0
		if x.deref == derefAlways || x.deref == derefCommandLine && top {
			flags = unix.AT_SYMLINK_FOLLOW
		}
		ok = x.check(unix.Linkat(unix.AT_FDCWD, x.path(src), unix.AT_FDCWD, x.path(dst), flags),
			"cannot create hard link %s to %s", dst, src)
	case x.keepLinks && st.Nlink > 1 && x.links[[2]uint64{st.Dev, st.Ino}] != "":
		first := x.links[[2]uint64{st.Dev, st.Ino}]
		ok = x.check(unix.Link(x.path(first), x.path(dst)), "cannot create hard link %s to %s", dst, first)
	case typ == mode.TypeLink:
		target, err := copyfile.Readlink(x.path(src))
		if err != nil {
			x.errorf("cannot read symbolic link %s: %s", x.q.Always(src), errno.Message(err))
			return
		}
		ok = x.check(unix.Symlink(target, x.path(dst)), "cannot create symbolic link %s", dst, "")
	case typ == mode.TypeReg || !x.recursive || x.copyContents:
		ok = x.copyFile(src, dst, &st, dstExists)
	case typ == mode.TypeFifo:
		ok = x.check(unix.Mkfifo(x.path(dst), st.Mode&^x.umask&0o777), "cannot create fifo %s", dst, "")
	default: // devices and sockets
		ok = x.check(unix.Mknod(x.path(dst), st.Mode&mode.TypeMask|st.Mode&^x.umask&0o777, int(st.Rdev)),
			"cannot create special file %s", dst, "")
	}
	if !ok {
		return
	}
	if x.keepLinks && st.Nlink > 1 {
		if _, seen := x.links[[2]uint64{st.Dev, st.Ino}]; !seen {
			x.links[[2]uint64{st.Dev, st.Ino}] = dst
		}
	}
	if typ != mode.TypeReg && !x.symLink && !x.hardLink {
		x.preserve(src, dst, &st, typ == mode.TypeLink)
		if x.noMode && !x.keepMode && typ != mode.TypeLink && x.recursive && !x.copyContents {
			// --no-preserve=mode: a new special file gets the default
			// mode (sockets that of directories, as in GNU).
			def := uint32(0o666)
			if typ == mode.TypeSock {
				def = 0o777
			}
			copyfile.SetPermissions(-1, x.path(dst), "", def&^x.umask, false)
		}
	}
}

// sameFileOK decides, as GNU cp does, whether copying src onto the
// existing dst is safe although they may be one file, which copying would
// truncate or unlink: two names of one file, a symbolic link and its
// target, or the same directory entry. st and dstSt are the two as cp
// stats them; done says there is nothing to do (-l, and dst is already
// that file).
func (x *cp) sameFileOK(src, dst string, top bool, st, dstSt *unix.Stat_t) (ok, done bool) {
	isLink := func(s *unix.Stat_t) bool { return s.Mode&mode.TypeMask == mode.TypeLink }
	inode := func(a, b *unix.Stat_t) bool { return a.Dev == b.Dev && a.Ino == b.Ino }
	backups := x.backup.Kind != backup.None
	same := inode(st, dstSt)
	if same && x.hardLink {
		return true, true
	}
	never := x.deref == derefNever || x.deref == derefCommandLine && !top
	srcL, dstL := st, dstSt
	sameLink := same
	if never {
		if isLink(st) && isLink(dstSt) {
			if copyfile.SameEntry(x.io.Dir, src, dst) {
				return false, false
			}
			// Two links: fine, and nothing to do when they are two
			// names of one link (unless backing it up).
			return true, same && !backups
		}
	} else {
		if !same {
			return true, false
		}
		var sl, dl unix.Stat_t
		if unix.Lstat(x.path(dst), &dl) != nil || unix.Lstat(x.path(src), &sl) != nil {
			return true, false
		}
		srcL, dstL = &sl, &dl
		sameLink = inode(srcL, dstL)
		if isLink(srcL) && isLink(dstL) && x.removeDest {
			return true, false
		}
	}
	if backups {
		if !sameLink {
			// Backing up a target of the followed source would leave the
			// source dangling.
			return never || !isLink(srcL) || isLink(dstL), false
		}
		return !copyfile.SameEntry(x.io.Dir, src, dst), false
	}
	if x.removeDest {
		if isLink(dstL) || sameLink && dstL.Nlink > 1 && !copyfile.SameEntry(x.io.Dir, src, dst) {
			return true, false
		}
	}
	if !isLink(srcL) && !isLink(dstL) {
		if !inode(srcL, dstL) {
			return true, false
		}
		if x.hardLink {
			return true, true
		}
	}
	if x.symLink && isLink(dstL) {
		return true, false
	}
	if never {
		ts, td := *srcL, *dstL
		if isLink(srcL) && unix.Stat(x.path(src), &ts) != nil || isLink(dstL) && unix.Stat(x.path(dst), &td) != nil {
			return true, false
		}
		if !inode(&ts, &td) {
			return true, false
		}
		if x.hardLink {
			return true, !isLink(dstL)
		}
	}
	return false, false
}

// inCurrentDir reports whether dst names a file of the current directory,
// as GNU cp -s checks before making a relative symbolic link: its
// directory part is "." or the same directory (and when either cannot be
// looked at, the link is tried anyway).
func (x *cp) inCurrentDir(dst string) bool {
	parent := fsname.DirName(dst)
	if parent == "." {
		return true
	}
	var dot, p unix.Stat_t
	if unix.Stat(x.path("."), &dot) != nil || unix.Stat(x.path(parent), &p) != nil {
		return true
	}
	return dot.Dev == p.Dev && dot.Ino == p.Ino
}

// check reports a failed creation; format takes dst (and src when not "").
func (x *cp) check(err error, format, dst, src string) bool {
	if err == nil {
		return true
	}
	if src != "" {
		x.errorf(format+": %s", x.q.Always(dst), x.q.Always(src), errno.Message(err))
	} else {
		x.errorf(format+": %s", x.q.Always(dst), errno.Message(err))
	}
	return false
}

// copyFile copies the contents of a regular file (or, without -R, of
// whatever src is) to dst, creating or truncating it.
func (x *cp) copyFile(src, dst string, st *unix.Stat_t, dstExists bool) bool {
	in, err := unix.Open(x.path(src), unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOCTTY, 0)
	if err != nil {
		x.errorf("cannot open %s for reading: %s", x.q.Always(src), errno.Message(err))
		return false
	}
	defer unix.Close(in)
	perm := st.Mode & 0o777 // set-ID and sticky bits only with -p
	var out int
	if dstExists {
		out, err = unix.Open(x.path(dst), unix.O_WRONLY|unix.O_TRUNC|unix.O_CLOEXEC|unix.O_NOCTTY, 0)
		if err != nil && x.force {
			unix.Unlink(x.path(dst))
			dstExists = false
		} else if err != nil {
			x.errorf("cannot open %s for writing: %s", x.q.Always(dst), errno.Message(err))
			return false
		}
	}
	created := !dstExists
	if !dstExists {
		create := perm
		if x.keepMode {
			create &= 0o700 // others get access only once the copy is complete
		}
		out, err = unix.Open(x.path(dst), unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC|unix.O_NOCTTY, create)
		if err == unix.EEXIST {
			// A dangling symbolic link: GNU cp will not create its
			// target (a race with whoever owns the link) unless
			// POSIXLY_CORRECT asks for it.
			var buf [1]byte
			if _, lerr := unix.Readlink(x.path(dst), buf[:]); lerr == nil {
				if _, posix := x.io.LookupEnv("POSIXLY_CORRECT"); !posix {
					x.errorf("not writing through dangling symlink %s", x.q.Always(dst))
					return false
				}
				out, err = unix.Open(x.path(dst), unix.O_WRONLY|unix.O_CREAT|unix.O_CLOEXEC|unix.O_NOCTTY, create)
			}
		}
		if err != nil {
			if err == unix.EISDIR && strings.HasSuffix(dst, "/") {
				err = unix.ENOTDIR // as GNU says of "x/": not a directory
			}
			x.errorf("cannot create regular file %s: %s", x.q.Always(dst), errno.Message(err))
			return false
		}
	}
	ok := x.attrsOnly || x.copyData(in, out, src, dst)
	if ok {
		ok = x.preserveFd(out, src, dst, st)
	}
	if ok && created && x.noMode && !x.keepMode {
		copyfile.SetPermissions(out, x.path(dst), "", 0o666&^x.umask, false)
	}
	if err := unix.Close(out); err != nil && ok {
		x.errorf("failed to close %s: %s", x.q.Always(dst), errno.Message(err))
		return false
	}
	return ok
}

// copyData moves the bytes and reports a failure under the name of the
// side that failed.
func (x *cp) copyData(in, out int, src, dst string) bool {
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

// preserveFd sets owner, mode and times of a copied regular file.
func (x *cp) preserveFd(fd int, src, dst string, st *unix.Stat_t) bool {
	// Like GNU cp, leave the owner of a file that has it already: chown(2)
	// would clear the set-ID bits of a file being overwritten.
	var cur unix.Stat_t
	if x.keepOwner && (unix.Fstat(fd, &cur) != nil || cur.Uid != st.Uid || cur.Gid != st.Gid) {
		if err := unix.Fchown(fd, int(st.Uid), int(st.Gid)); err != nil && err != unix.EPERM {
			x.errorf("failed to preserve ownership for %s: %s", x.q.Always(dst), errno.Message(err))
		}
	}
	if x.keepMode {
		if err := copyfile.SetPermissions(fd, x.path(dst), x.path(src), st.Mode, false); err != nil {
			x.errorf("preserving permissions for %s: %s", x.q.Always(dst), errno.Message(err))
			return false
		}
	}
	if x.keepTimes {
		ts := []unix.Timespec{st.Atim, st.Mtim}
		if err := unix.UtimesNanoAt(fd, "", ts, unix.AT_EMPTY_PATH); err != nil {
			p := fmt.Sprintf("/proc/self/fd/%d", fd)
			if err := unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, 0); err != nil {
				x.errorf("preserving times for %s: %s", x.q.Always(dst), errno.Message(err))
				return false
			}
		}
	}
	return true
}

// preserve sets owner, mode and times of a copy that is not a regular
// file (a directory after its contents, a link, a special file).
func (x *cp) preserve(src, dst string, st *unix.Stat_t, isLink bool) {
	p := x.path(dst)
	if x.keepOwner {
		if err := unix.Lchown(p, int(st.Uid), int(st.Gid)); err != nil && err != unix.EPERM {
			x.errorf("failed to preserve ownership for %s: %s", x.q.Always(dst), errno.Message(err))
		}
	}
	if x.keepMode && !isLink {
		isDir := st.Mode&mode.TypeMask == mode.TypeDir
		if err := copyfile.SetPermissions(-1, p, x.path(src), st.Mode, isDir); err != nil {
			x.errorf("preserving permissions for %s: %s", x.q.Always(dst), errno.Message(err))
		}
	}
	if x.keepTimes {
		ts := []unix.Timespec{st.Atim, st.Mtim}
		if err := unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			x.errorf("preserving times for %s: %s", x.q.Always(dst), errno.Message(err))
		}
	}
}

// copyDir copies a directory and, recursively, its entries.
func (x *cp) copyDir(src, dst string, st *unix.Stat_t, dstExists bool, dstSt *unix.Stat_t, rootDev uint64) {
	if dstExists && dstSt.Mode&mode.TypeMask != mode.TypeDir {
		x.errorf("cannot overwrite non-directory %s with directory %s", x.q.Always(dst), x.q.Always(src))
		return
	}
	// As GNU cp does: create the directory without the write bits for
	// group and others (all their bits when it will get the source's
	// owner) so nobody else can add to it meanwhile, give ourselves u+rwx
	// if that is missing, and put back what was left out at the end.
	// Whatever else the new directory got, such as the set-group-ID bit
	// of its parent, stays.
	omitted := st.Mode & 0o022
	if x.keepOwner {
		omitted = st.Mode & 0o077
	}
	created, restore := false, false
	var dstMode uint32
	if dstExists {
		dstMode = dstSt.Mode
	} else {
		if err := unix.Mkdir(x.path(dst), st.Mode&mode.All&^omitted); err != nil {
			x.errorf("cannot create directory %s: %s", x.q.Always(dst), errno.Message(err))
			return
		}
		created = true
		if x.verbose {
			fmt.Fprintf(x.io.Stdout, "%s -> %s\n", x.q.Always(src), x.q.Always(dst))
		}
		var d unix.Stat_t
		if unix.Lstat(x.path(dst), &d) == nil {
			if x.created == nil {
				x.created = map[[2]uint64]bool{}
			}
			x.created[[2]uint64{d.Dev, d.Ino}] = true
			dstMode = d.Mode
			if d.Mode&0o700 != 0o700 {
				unix.Chmod(x.path(dst), (d.Mode|0o700)&mode.All)
				restore = true
			}
		}
	}
	if x.oneFS && st.Dev != rootDev {
		return
	}
	for _, name := range x.entries(src) {
		if x.abort {
			return
		}
		x.copy(fsname.Concat(src, name), fsname.Concat(dst, name), false, rootDev)
	}
	if x.abort {
		return
	}
	if x.keepMode || x.keepOwner || x.keepTimes {
		x.preserve(src, dst, st, false)
	}
	if x.keepMode {
		return
	}
	if x.noMode && created {
		// --no-preserve=mode: the default mode, set as GNU's set_acl does
		// (an inherited set-group-ID bit stays).
		copyfile.SetPermissions(-1, x.path(dst), "", 0o777&^x.umask, true)
		return
	}
	if omitted &^= x.umask; omitted != 0 && !restore {
		var d unix.Stat_t
		if created && unix.Lstat(x.path(dst), &d) == nil {
			dstMode = d.Mode
		}
		restore = omitted&^dstMode != 0
	}
	if restore {
		unix.Chmod(x.path(dst), (dstMode|omitted)&mode.All)
	}
}

// entries lists a source directory in the order GNU cp visits it: by
// inode number (faster on most file systems), except on tmpfs and NFS
// where directory order is kept.
func (x *cp) entries(dir string) []string {
	fd, err := unix.Open(x.path(dir), unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		x.errorf("cannot access %s: %s", x.q.Always(dir), errno.Message(err))
		return nil
	}
	defer unix.Close(fd)
	var buf []byte
	if n := len(x.recs); n > 0 {
		buf, x.recs = x.recs[n-1], x.recs[:n-1]
	}
	recs, err := dirent.ReadAll(fd, buf)
	defer func() { x.recs = append(x.recs, recs[:cap(recs)]) }()
	if err != nil {
		x.errorf("cannot access %s: %s", x.q.Always(dir), errno.Message(err))
		return nil
	}
	list := dirent.Entries(recs)
	if dirent.InodeSortUseful(fd) {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Ino < list[j].Ino })
	}
	names := make([]string, len(list))
	for i, e := range list {
		names[i] = string(e.Name)
	}
	return names
}
