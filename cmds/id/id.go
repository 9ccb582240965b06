// Package id implements id(1): print real and effective user and group
// IDs.
//
// Every process carries the numbers the kernel checks permissions against:
// a real and an effective user ID, the same for the group, and a list of
// supplementary groups. Without a USER, id prints those of its own
// process (from getuid(2), getgroups(2) and friends); with one, it prints
// what /etc/passwd and /etc/group say that user would get at login. Names
// come from pkg/userdb, so the binary needs no cgo. Output and messages
// follow GNU id.
package id

import (
	_ "embed"
	"fmt"
	"strconv"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
	"github.com/zinebox/zinebox/pkg/userdb"
)

//go:embed id.1
var manPage string

var Applet = applet.Applet{
	Name:    "id",
	Summary: "print real and effective user and group IDs",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "id",
	Usage: []string{"[OPTION]... [USER]..."},
	Summary: "Print user and group information for each specified USER,\n" +
		"or (when USER omitted) for the current process.",
	Options: []getopt.Option{
		{Short: 'a', Help: "ignore, for compatibility with other versions"},
		{Short: 'Z', Long: "context", Help: "print only the security context of the process"},
		{Short: 'g', Long: "group", Help: "print only the effective group ID"},
		{Short: 'G', Long: "groups", Help: "print all group IDs"},
		{Short: 'n', Long: "name", Help: "print a name instead of a number, for -ugG"},
		{Short: 'r', Long: "real", Help: "print the real ID instead of the effective ID, with -ugG"},
		{Short: 'u', Long: "user", Help: "print only the effective user ID"},
		{Short: 'z', Long: "zero", Help: "delimit entries with NUL characters, not whitespace;\nnot permitted in default format"},
	},
	Footer: "Without any OPTION, print some useful set of identified information.",
}

// ids are the numbers printed for one user or for the process.
type ids struct {
	ruid, euid, rgid, egid uint32
	groups                 []uint32 // egid (or the primary group) first, each once
	user                   string   // the name given, for messages
}

type id struct {
	io     *applet.IO
	db     *userdb.DB
	failed bool
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	q := quote.ForEnv(io.Env)
	x := &id{io: io, db: userdb.New("/etc")}
	only, names, real, zero := 0, r.Has("name"), r.Has("real"), r.Has("zero")
	var which byte
	for _, o := range r.Opts {
		switch o.Key {
		case "user", "group", "groups":
			only++
			which = map[string]byte{"user": 'u', "group": 'g', "groups": 'G'}[o.Key]
		}
	}
	if r.Has("context") {
		io.Errorf("--context (-Z) works only on an SELinux-enabled kernel")
		return 1
	}
	if only > 1 {
		io.Errorf("cannot print \"only\" of more than one choice")
		return 1
	}
	if only == 0 && (names || real) {
		io.Errorf("cannot print only names or real IDs in default format")
		return 1
	}
	if only == 0 && zero {
		io.Errorf("option --zero not permitted in default format")
		return 1
	}
	var list []ids
	if len(r.Operands) == 0 {
		list = append(list, x.process())
	}
	for _, name := range r.Operands {
		u, ok := x.lookup(name)
		if !ok {
			io.Errorf("%s: no such user", q.Always(name))
			x.failed = true
			continue
		}
		list = append(list, u)
	}
	end := "\n"
	if zero {
		end = "\x00"
	}
	for _, u := range list {
		switch which {
		case 'u':
			v := u.euid
			if real {
				v = u.ruid
			}
			fmt.Fprint(x.io.Stdout, x.user(v, names, false), end)
		case 'g':
			v := u.egid
			if real {
				v = u.rgid
			}
			fmt.Fprint(x.io.Stdout, x.group(v, names, false), end)
		case 'G':
			sep := " "
			if zero {
				sep = "\x00"
			}
			groups := u.groups
			if real && len(r.Operands) == 0 && u.rgid != u.egid {
				groups = append([]uint32{u.rgid}, groups...)
			}
			for i, g := range groups {
				if i > 0 {
					fmt.Fprint(x.io.Stdout, sep)
				}
				fmt.Fprint(x.io.Stdout, x.group(g, names, false))
			}
			fmt.Fprint(x.io.Stdout, end)
		default:
			x.full(u)
		}
	}
	if x.failed {
		return io.Finish(1)
	}
	return io.Finish(0)
}

// process returns the IDs of this process.
func (x *id) process() ids {
	u := ids{ruid: uint32(unix.Getuid()), euid: uint32(unix.Geteuid()),
		rgid: uint32(unix.Getgid()), egid: uint32(unix.Getegid())}
	u.groups = []uint32{u.egid}
	if list, err := unix.Getgroups(); err == nil {
		for _, g := range list {
			u.groups = appendOnce(u.groups, uint32(g))
		}
	}
	return u
}

// lookup finds a USER operand: a name, or else a number.
func (x *id) lookup(name string) (ids, bool) {
	pw, ok := x.db.LookupUser(name)
	if !ok {
		n, err := strconv.ParseUint(name, 10, 32)
		if err != nil {
			return ids{}, false
		}
		if pw, ok = x.db.UserByUID(uint32(n)); !ok {
			return ids{}, false
		}
	}
	u := ids{ruid: pw.UID, euid: pw.UID, rgid: pw.GID, egid: pw.GID, user: pw.Name}
	for _, g := range x.db.GroupsOf(pw.Name, pw.GID) {
		u.groups = appendOnce(u.groups, g)
	}
	return u, true
}

func appendOnce(list []uint32, g uint32) []uint32 {
	for _, v := range list {
		if v == g {
			return list
		}
	}
	return append(list, g)
}

// user returns a UID as a number, "N(name)" (paren) or a name (-n).
func (x *id) user(uid uint32, nameOnly, paren bool) string {
	name, ok := x.db.UserName(uid)
	return x.format(uid, name, ok, nameOnly, paren, "user")
}

func (x *id) group(gid uint32, nameOnly, paren bool) string {
	name, ok := x.db.GroupName(gid)
	return x.format(gid, name, ok, nameOnly, paren, "group")
}

func (x *id) format(n uint32, name string, ok, nameOnly, paren bool, what string) string {
	num := strconv.FormatUint(uint64(n), 10)
	switch {
	case nameOnly && !ok:
		x.io.Errorf("cannot find name for %s ID %s", what, num)
		x.failed = true
		return num
	case nameOnly:
		return name
	case paren && ok:
		return num + "(" + name + ")"
	}
	return num
}

// full prints the default line: uid=0(root) gid=0(root) groups=0(root).
func (x *id) full(u ids) {
	w := x.io.Stdout
	fmt.Fprintf(w, "uid=%s gid=%s", x.user(u.ruid, false, true), x.group(u.rgid, false, true))
	if u.euid != u.ruid {
		fmt.Fprintf(w, " euid=%s", x.user(u.euid, false, true))
	}
	if u.egid != u.rgid {
		fmt.Fprintf(w, " egid=%s", x.group(u.egid, false, true))
	}
	fmt.Fprint(w, " groups=")
	for i, g := range u.groups {
		if i > 0 {
			fmt.Fprint(w, ",")
		}
		fmt.Fprint(w, x.group(g, false, true))
	}
	fmt.Fprintln(w)
}
