// Package rm implements rm(1): remove files or directories.
//
// Removing a file is unlink(2): it takes the name away, and the data goes
// when the last name and the last open descriptor are gone (the zine's
// "inodes" page). rm -r removes a tree bottom-up with unlinkat(2) relative
// to each directory's descriptor, reading entries with getdents(2) and
// never following symbolic links. As GNU rm does, it refuses "." and "..",
// and "/" with -r unless --no-preserve-root.
package rm

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/ask"
	"github.com/zinebox/zinebox/pkg/dirent"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed rm.1
var manPage string

var Applet = applet.Applet{
	Name:    "rm",
	Summary: "remove files or directories",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "rm",
	Usage:   []string{"[OPTION]... [FILE]..."},
	Summary: "Remove (unlink) the FILE(s).",
	Options: []getopt.Option{
		{Short: 'f', Long: "force", Help: "ignore nonexistent files and arguments, never prompt"},
		{Short: 'i', Help: "prompt before every removal"},
		{Short: 'I', Help: "prompt once before removing more than three files, or\nwhen removing recursively; less intrusive than -i,\nwhile still giving protection against most mistakes"},
		{Long: "interactive", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "prompt according to WHEN: never, once (-I), or\nalways (-i); without WHEN, prompt always"},
		{Long: "one-file-system", Help: "when removing a hierarchy recursively, skip any\ndirectory that is on a file system different from\nthat of the corresponding command line argument"},
		{Long: "no-preserve-root", Help: "do not treat '/' specially"},
		{Long: "preserve-root", Arg: getopt.OptionalArg, ArgName: "all", Help: "do not remove '/' (default);\nwith 'all', reject any command line argument\non a separate device from its parent"},
		{Short: 'r', Long: "recursive", Help: "remove directories and their contents recursively"},
		{Short: 'R', Help: "same as -r"},
		{Short: 'd', Long: "dir", Help: "remove empty directories"},
		{Short: 'v', Long: "verbose", Help: "explain what is being done"},
	},
	Footer: "By default, rm does not remove directories.  Use the --recursive (-r or -R)\n" +
		"option to remove each listed directory, too, along with all of its contents.\n\n" +
		"To remove a file whose name starts with a '-', for example '-foo',\n" +
		"use one of these commands:\n  rm -- -foo\n\n  rm ./-foo\n\n" +
		"Note that if you use rm to remove a file, it might be possible to recover\n" +
		"some of its contents, given sufficient expertise and/or time.  For greater\n" +
		"assurance that the contents are truly unrecoverable, consider using shred(1).",
}

// interactive modes.
const (
	never  = iota // -f
	normal        // ask only about write-protected files, on a terminal
	once          // -I
	always        // -i
)

type rm struct {
	io            *applet.IO
	q             quote.Quoter
	answers       *ask.Reader
	interactive   int
	ignoreMissing bool
	recursive     bool
	dirs          bool // -d
	verbose       bool
	oneFS         bool
	stdinTTY      bool
	bufs          [][]byte
	failed        bool // an error was reported
}

// What became of a file.
const (
	removed  = iota
	kept     // an error, or a declined descent: the directories above stay too
	declined // the user said no to removing it: the directories above are still asked about
)

// diagnoseLeadingHyphen prints GNU rm's hint for the first argument that
// looks like an option but names an existing file.
func diagnoseLeadingHyphen(io *applet.IO, q quote.Quoter, args []string) {
	for _, a := range args {
		var st unix.Stat_t
		if len(a) > 1 && a[0] == '-' && unix.Lstat(io.Path(a), &st) == nil {
			fmt.Fprintf(io.Stderr, "Try '%s ./%s' to remove the file %s.\n", io.Name, q.Shell(a), q.Always(a))
			return
		}
	}
}

// answerWords are --interactive's arguments, in GNU's order.
var answerWords = [...]struct {
	word string
	mode int
}{{"never", never}, {"no", never}, {"none", never}, {"once", once}, {"always", always}, {"yes", always}}

func run(io *applet.IO, args []string) int {
	q := quote.ForEnv(io.Env)
	_, posix := io.LookupEnv("POSIXLY_CORRECT")
	if _, err := spec.Parse(args, posix); err != nil {
		// As GNU rm does, say how to remove a file whose name the user
		// may have meant, not an option: "rm -foo" when -foo exists.
		io.Errorf("%s", err)
		diagnoseLeadingHyphen(io, q, args)
		return io.TryHelp(1)
	}
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	x := &rm{io: io, q: q, interactive: normal}
	preserveRoot := true
	for _, o := range r.Opts {
		switch o.Key {
		case "force":
			x.interactive, x.ignoreMissing = never, true
		case "i":
			x.interactive, x.ignoreMissing = always, false
		case "I":
			x.interactive, x.ignoreMissing = once, false
		case "interactive":
			if !o.HasArg {
				x.interactive, x.ignoreMissing = always, false
				break
			}
			m, ok := x.matchWhen(o.Value)
			if !ok {
				return 1
			}
			x.interactive = m
			if m != never {
				x.ignoreMissing = false
			}
		case "one-file-system":
			x.oneFS = true
		case "no-preserve-root":
			preserveRoot = false
		case "preserve-root":
			if o.HasArg && o.Value != "all" {
				io.Errorf("unrecognized --preserve-root argument: %s", x.q.Always(o.Value))
				return 1
			}
			preserveRoot = true
		case "recursive", "R":
			x.recursive = true
		case "dir":
			x.dirs = true
		case "verbose":
			x.verbose = true
		}
	}
	files := r.Operands
	if len(files) == 0 {
		if x.ignoreMissing {
			return 0
		}
		return io.UsageError(1, "missing operand")
	}
	if f := io.StdinFile(); f != nil {
		x.stdinTTY = stdio.IsTerminal(f)
	}
	x.answers = ask.New(io.Stdin)
	if x.interactive == once && (x.recursive || len(files) > 3) {
		plural, how := "s", ""
		if len(files) == 1 {
			plural = ""
		}
		if x.recursive {
			how = " recursively"
		}
		io.Stdout.Flush()
		fmt.Fprintf(io.Stderr, "%s: remove %d argument%s%s? ", io.Name, len(files), plural, how)
		if !x.answers.Yes() {
			return 0
		}
	}
	var root unix.Stat_t
	if preserveRoot && x.recursive {
		if err := unix.Stat("/", &root); err != nil {
			io.Errorf("failed to get attributes of %s: %s", x.q.Always("/"), errno.Message(err))
			return 1
		}
	}
	status = 0
	for _, name := range files {
		base := strings.TrimRight(name, "/")
		if i := strings.LastIndexByte(base, '/'); i >= 0 {
			base = base[i+1:]
		}
		if base == "." || base == ".." {
			// As GNU rm (fts): without -r a directory is refused for
			// what it is before its name is looked at.
			var st unix.Stat_t
			path := fsname.Join(io.Dir, name)
			if !x.recursive && unix.Stat(path, &st) == nil && st.Mode&mode.TypeMask == mode.TypeDir &&
				!(x.dirs && emptyDir(path)) {
				err := error(unix.EISDIR)
				if x.dirs {
					err = unix.ENOTEMPTY
				}
				x.errorf(name, err)
				status = 1
				continue
			}
			io.Errorf("refusing to remove '.' or '..' directory: skipping %s", x.q.Always(name))
			status = 1
			continue
		}
		if preserveRoot && x.recursive {
			var st unix.Stat_t
			if unix.Lstat(fsname.Join(io.Dir, name), &st) == nil && st.Dev == root.Dev && st.Ino == root.Ino {
				if name == "/" {
					io.Errorf("it is dangerous to operate recursively on %s", x.q.Always(name))
				} else {
					io.Errorf("it is dangerous to operate recursively on %s (same as %s)", x.q.Always(name), x.q.Always("/"))
				}
				io.Errorf("use --no-preserve-root to override this failsafe")
				status = 1
				continue
			}
		}
		x.remove(unix.AT_FDCWD, fsname.Join(io.Dir, name), name, 0, 0)
	}
	if x.failed {
		status = 1
	}
	return io.Finish(status)
}

func (x *rm) matchWhen(v string) (int, bool) {
	found := -1
	ambiguous := false
	for i, w := range answerWords {
		if w.word == v {
			return w.mode, true
		}
		if v != "" && strings.HasPrefix(w.word, v) {
			if found >= 0 && answerWords[found].mode != w.mode {
				ambiguous = true
			}
			found = i
		}
	}
	if found >= 0 && !ambiguous {
		return answerWords[found].mode, true
	}
	what := "invalid"
	if ambiguous {
		what = "ambiguous"
	}
	x.io.Errorf("%s argument %s for %s", what, x.q.Locale(v), x.q.Locale("--interactive"))
	fmt.Fprint(x.io.Stderr, "Valid arguments are:\n  - 'never', 'no', 'none'\n  - 'once'\n  - 'always', 'yes'\n")
	fmt.Fprintf(x.io.Stderr, "Try '%s --help' for more information.\n", x.io.Name)
	return 0, false
}

// prompt asks "rm: QUESTION NAME? " and reads the answer.
func (x *rm) prompt(question, name string) bool {
	x.io.Stdout.Flush()
	fmt.Fprintf(x.io.Stderr, "%s: %s %s? ", x.io.Name, question, x.q.Always(name))
	return x.answers.Yes()
}

// writeProtected reports whether rm without -f must ask before removing
// the file: it is not a symbolic link, standard input is a terminal, and
// we may not write it.
func (x *rm) writeProtected(dirfd int, path string, st *unix.Stat_t) bool {
	if x.interactive != normal || !x.stdinTTY || st.Mode&mode.TypeMask == mode.TypeLink {
		return false
	}
	return unix.Faccessat(dirfd, path, unix.W_OK, unix.AT_EACCESS|unix.AT_SYMLINK_NOFOLLOW) != nil
}

// errorf reports an error about name and remembers to fail.
func (x *rm) errorf(name string, err error) int {
	x.io.Errorf("cannot remove %s: %s", x.q.Always(name), errno.Message(err))
	x.failed = true
	return kept
}

// remove removes dirfd/path, shown as name, and with -r what is under it.
// rootDev is the device of the command-line argument for
// --one-file-system (0 at the top). It returns removed, kept or declined.
func (x *rm) remove(dirfd int, path, name string, depth int, rootDev uint64) int {
	return x.removeTyped(dirfd, path, name, depth, rootDev, dirent.Unknown)
}

// removeTyped is remove with the type getdents reported: a file that is
// not a directory, when nothing needs to be asked, is unlinked without a
// stat first, as GNU rm does.
func (x *rm) removeTyped(dirfd int, path, name string, depth int, rootDev uint64, typ uint8) int {
	if typ != dirent.Unknown && typ != dirent.Dir && x.interactive != always && !(x.interactive == normal && x.stdinTTY) {
		err := unix.Unlinkat(dirfd, path, 0)
		if err == nil {
			if x.verbose {
				fmt.Fprintf(x.io.Stdout, "removed %s\n", x.q.Always(name))
			}
			return removed
		}
		if err != unix.EISDIR && err != unix.EPERM {
			if nonexistent(err) && x.ignoreMissing {
				return kept
			}
			return x.errorf(name, err)
		}
		// It became a directory meanwhile: look closer.
	}
	var st unix.Stat_t
	if err := unix.Fstatat(dirfd, path, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		if nonexistent(err) && x.ignoreMissing {
			return kept
		}
		return x.errorf(name, err)
	}
	if depth == 0 {
		rootDev = st.Dev
	}
	isDir := st.Mode&mode.TypeMask == mode.TypeDir
	if !isDir {
		what := mode.TypeName(st.Mode, st.Size)
		if x.interactive == always && !x.prompt("remove "+what, name) {
			return declined
		}
		if x.writeProtected(dirfd, path, &st) && !x.prompt("remove write-protected "+what, name) {
			return declined
		}
		if err := unix.Unlinkat(dirfd, path, 0); err != nil {
			return x.errorf(name, err)
		}
		if x.verbose {
			fmt.Fprintf(x.io.Stdout, "removed %s\n", x.q.Always(name))
		}
		return removed
	}
	if !x.recursive && !x.dirs {
		return x.errorf(name, unix.EISDIR)
	}
	if !x.recursive && strings.HasSuffix(name, "/") && !emptyDir(path) {
		// -d on "link/" to a directory with entries: GNU rm (fts) looks
		// into it and says it is not empty.
		return x.errorf(name, unix.ENOTEMPTY)
	}
	if x.recursive {
		if x.oneFS && st.Dev != rootDev {
			x.io.Errorf("skipping %s, since it's on a different device", x.q.Always(name))
			x.failed = true
			return kept
		}
		fd, err := unix.Openat(dirfd, path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if err != nil {
			return x.errorf(name, err)
		}
		r := x.removeContents(fd, name, depth, rootDev)
		unix.Close(fd)
		if r != removed {
			return kept
		}
	}
	if x.interactive == always && !x.prompt("remove directory", name) {
		return declined
	}
	if x.writeProtected(dirfd, path, &st) && !x.prompt("remove write-protected directory", name) {
		return declined
	}
	if err := unix.Unlinkat(dirfd, path, unix.AT_REMOVEDIR); err != nil {
		return x.errorf(name, err)
	}
	if x.verbose {
		fmt.Fprintf(x.io.Stdout, "removed directory %s\n", x.q.Always(name))
	}
	return removed
}

// removeContents removes everything in the directory fd (named name). It
// returns kept when something had to stay in a way that keeps the
// directory too (a declined descent, an error); a file the user chose to
// keep does not count, as in GNU rm: the directory is still asked about,
// and its removal then fails as not empty.
func (x *rm) removeContents(fd int, name string, depth int, rootDev uint64) int {
	for len(x.bufs) <= depth {
		x.bufs = append(x.bufs, nil)
	}
	recs, err := dirent.ReadAll(fd, x.bufs[depth])
	x.bufs[depth] = recs[:cap(recs)]
	if err != nil {
		return x.errorf(name, err)
	}
	if x.interactive == always {
		if _, _, _, nonEmpty := dirent.Next(recs); nonEmpty && !x.prompt("descend into directory", name) {
			return kept
		}
	}
	prefix := strings.TrimSuffix(name, "/") + "/"
	result := removed
	entries := dirent.Entries(recs)
	if len(entries) > dirent.InodeSortThreshold && dirent.InodeSortUseful(fd) {
		// GNU's fts visits big directories in inode order; so do we, so
		// that -v and -i go in the same order.
		sort.Slice(entries, func(i, j int) bool { return entries[i].Ino < entries[j].Ino })
	}
	for _, en := range entries {
		e := string(en.Name)
		if x.removeTyped(fd, e, prefix+e, depth+1, rootDev, en.Type) == kept {
			result = kept
		}
	}
	return result
}

// nonexistent reports the errors after which rm -f, like GNU rm, takes a
// file for absent and says nothing: ENOENT, and ENOTDIR ("f/" where f is
// a file), EINVAL and EILSEQ (a name the file system cannot hold).
func nonexistent(err error) bool {
	return err == unix.ENOENT || err == unix.ENOTDIR || err == unix.EINVAL || err == unix.EILSEQ
}

// emptyDir reports whether the directory path has no entries but . and ..
// (one getdents(2), like the rest of rm, not os.Open, which would set up
// the runtime's poller).
func emptyDir(path string) bool {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var buf [8 << 10]byte
	n, _ := unix.Getdents(fd, buf[:])
	_, _, _, nonEmpty := dirent.Next(buf[:max(n, 0)])
	return !nonEmpty
}
