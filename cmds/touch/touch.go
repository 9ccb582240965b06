// Package touch implements touch(1): change file timestamps, creating
// files that do not exist.
//
// Every file has three times that stat(1) shows: access (atime), modify
// (mtime) and change (ctime, set by the kernel on any change, touch
// included). touch sets the first two, to now or to a given time, through
// utimensat(2).
package touch

import (
	_ "embed"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/tz"
)

//go:embed touch.1
var manPage string

var Applet = applet.Applet{
	Name:    "touch",
	Summary: "change file timestamps",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "touch",
	Usage: []string{"[OPTION]... FILE..."},
	Summary: "Update the access and modification times of each FILE to the current time.\n\n" +
		"A FILE argument that does not exist is created empty, unless -c or -h\nis supplied.\n\n" +
		"A FILE argument string of - is handled specially and causes touch to\n" +
		"change the times of the file associated with standard output.",
	Options: []getopt.Option{
		{Short: 'a', Help: "change only the access time"},
		{Short: 'c', Long: "no-create", Help: "do not create any files"},
		{Short: 'd', Long: "date", Arg: getopt.RequiredArg, ArgName: "STRING", Help: "parse STRING and use it instead of current time"},
		{Short: 'f', Help: "(ignored)"},
		{Short: 'h', Long: "no-dereference", Help: "affect each symbolic link instead of any referenced\nfile (useful only on systems that can change the\ntimestamps of a symlink)"},
		{Short: 'm', Help: "change only the modification time"},
		{Short: 'r', Long: "reference", Arg: getopt.RequiredArg, ArgName: "FILE", Help: "use this file's times instead of current time"},
		{Short: 't', Arg: getopt.RequiredArg, ArgName: "STAMP", Help: "use [[CC]YY]MMDDhhmm[.ss] instead of current time"},
		{Long: "time", Arg: getopt.RequiredArg, ArgName: "WORD", Help: "change the specified time:\n  WORD is access, atime, or use: equivalent to -a\n  WORD is modify or mtime: equivalent to -m"},
	},
}

// timeWords are the arguments of --time and what they select.
var timeWords = [...]struct {
	word   string
	access bool
}{{"atime", true}, {"access", true}, {"use", true}, {"mtime", false}, {"modify", false}}

const (
	changeAccess = 1 << iota
	changeModify
)

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	q := quote.ForEnv(io.Env)
	change := 0
	noCreate, noDeref := false, false
	var times [2]unix.Timespec // access, modify
	timeSet, stampSet := false, false
	refFile, flexDate := "", ""
	refSet, dateSet := false, false
	zone := tz.Load(io.Env)
	now := time.Now()
	mk := &mktimer{} // one for the run, as glibc's mktime keeps its guess
	for _, o := range r.Opts {
		switch o.Key {
		case "a":
			change |= changeAccess
		case "m":
			change |= changeModify
		case "no-create":
			noCreate = true
		case "no-dereference":
			noDeref = true
		case "time":
			access, ok := matchTime(io, q, o.Value)
			if !ok {
				return 1
			}
			if access {
				change |= changeAccess
			} else {
				change |= changeModify
			}
		case "reference":
			refFile, refSet = o.Value, true
		case "date":
			flexDate, dateSet = o.Value, true
		case "t":
			t, ok := parseStamp(o.Value, now, zone, mk)
			if !ok {
				io.Errorf("invalid date format %s", q.Locale(o.Value))
				return 1
			}
			ts := timespec(t)
			times = [2]unix.Timespec{ts, ts}
			stampSet = true
		}
	}
	if stampSet && (refSet || dateSet) {
		return io.UsageError(1, "cannot specify times from more than one source")
	}
	if refSet {
		// As GNU touch does: the file's times, each moved by -d if given
		// ("-r f -d '+1 day'": a day after f's times).
		var st unix.Stat_t
		var err error
		if noDeref {
			err = unix.Lstat(fsname.Join(io.Dir, refFile), &st)
		} else {
			err = unix.Stat(fsname.Join(io.Dir, refFile), &st)
		}
		if err != nil {
			io.Errorf("failed to get attributes of %s: %s", q.Always(refFile), errno.Message(err))
			return 1
		}
		times = [2]unix.Timespec{st.Atim, st.Mtim}
		timeSet = true
		if dateSet {
			for i := range times {
				if bit := [2]int{changeAccess, changeModify}[i]; change != 0 && change&bit == 0 {
					continue
				}
				t, ok := parseDate(flexDate, time.Unix(times[i].Unix()), zone, mk)
				if !ok {
					io.Errorf("invalid date format %s", q.Locale(flexDate))
					return 1
				}
				times[i] = timespec(t)
			}
		}
	} else if dateSet {
		t, ok := parseDate(flexDate, now, zone, mk)
		if !ok {
			io.Errorf("invalid date format %s", q.Locale(flexDate))
			return 1
		}
		ts := timespec(t)
		times = [2]unix.Timespec{ts, ts}
		timeSet = true
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing file operand")
	}
	if change == 0 {
		change = changeAccess | changeModify
	}
	useNow := !timeSet && !stampSet
	if useNow {
		times[0].Nsec, times[1].Nsec = unix.UTIME_NOW, unix.UTIME_NOW
	}
	if change&changeAccess == 0 {
		times[0].Nsec = unix.UTIME_OMIT
	}
	if change&changeModify == 0 {
		times[1].Nsec = unix.UTIME_OMIT
	}
	// Both times now: pass no times at all, which utimensat(2) allows for
	// anyone who may write the file, not only its owner.
	bothNow := useNow && change == changeAccess|changeModify
	status = 0
	for _, name := range r.Operands {
		if !touch(io, q, name, &times, bothNow, noCreate, noDeref) {
			status = 1
		}
	}
	return status
}

// matchTime resolves a --time argument as GNU's argmatch does: a word or an
// unambiguous abbreviation.
func matchTime(io *applet.IO, q quote.Quoter, v string) (access, ok bool) {
	found := -1
	ambiguous := false
	for i, w := range timeWords {
		if w.word == v {
			return w.access, true
		}
		if v != "" && strings.HasPrefix(w.word, v) {
			if found >= 0 && timeWords[found].access != w.access {
				ambiguous = true
			}
			found = i
		}
	}
	if found >= 0 && !ambiguous {
		return timeWords[found].access, true
	}
	what := "invalid"
	if ambiguous {
		what = "ambiguous"
	}
	io.Errorf("%s argument %s for %s", what, q.Locale(v), q.Locale("--time"))
	io.Stderr.Write([]byte("Valid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'\n"))
	io.Stderr.Write([]byte("Try 'touch --help' for more information.\n"))
	return false, false
}

// touch handles one file as GNU touch does: open it (creating it) unless
// told not to, then set its times through the descriptor or the name.
func touch(io *applet.IO, q quote.Quoter, name string, times *[2]unix.Timespec, bothNow, noCreate, noDeref bool) bool {
	var ts *[2]unix.Timespec
	if !bothNow {
		ts = times
	}
	if name == "-" {
		err := utimensat(1, nil, ts, 0)
		if err == unix.EBADF && noCreate {
			return true
		}
		if err != nil {
			io.Errorf("setting times of %s: %s", q.Always(name), errno.Message(err))
			return false
		}
		return true
	}
	path := fsname.Join(io.Dir, name)
	fd := -1
	var openErr error
	if !noCreate && !noDeref {
		fd, openErr = unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_NONBLOCK|unix.O_NOCTTY|unix.O_CLOEXEC, 0o666)
	}
	var err error
	if fd >= 0 {
		err = utimensat(fd, nil, ts, 0)
		unix.Close(fd)
	} else {
		flags := 0
		if noDeref {
			flags = unix.AT_SYMLINK_NOFOLLOW
		}
		p, perr := unix.BytePtrFromString(path)
		if perr != nil {
			err = perr
		} else {
			err = utimensat(unix.AT_FDCWD, p, ts, flags)
		}
	}
	if err == nil {
		return true
	}
	var st unix.Stat_t
	if openErr != nil && openErr != unix.EISDIR &&
		!(openErr == unix.EINVAL && unix.Stat(path, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR) {
		io.Errorf("cannot touch %s: %s", q.Always(name), errno.Message(openErr))
		return false
	}
	if noCreate && err == unix.ENOENT {
		return true
	}
	io.Errorf("setting times of %s: %s", q.Always(name), errno.Message(err))
	return false
}

// utimensat calls utimensat(2) with a nil path (the descriptor itself)
// or nil times (now), which x/sys/unix's wrappers cannot express.
func utimensat(dirfd int, path *byte, ts *[2]unix.Timespec, flags int) error {
	_, _, e := unix.Syscall6(unix.SYS_UTIMENSAT, uintptr(dirfd), uintptr(unsafe.Pointer(path)),
		uintptr(unsafe.Pointer(ts)), uintptr(flags), 0, 0)
	if e != 0 {
		return e
	}
	return nil
}

// timespec converts t without going through nanoseconds since 1970, which
// overflow before 1678 and after 2262 (GNU touch accepts any year; the
// file system then keeps what it can).
func timespec(t time.Time) unix.Timespec {
	return unix.Timespec{Sec: t.Unix(), Nsec: int64(t.Nanosecond())}
}
