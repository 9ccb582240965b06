// Package pgrep implements pgrep(1), and the matching engine pkill(1)
// shares: find processes by name (an extended regular expression matched
// against the 15-byte command name, or the whole command line with -f) and
// by attributes (user, parent, session, terminal...), reading /proc.
//
// procps-ng 4 is the model for options, output and exit statuses (0 some
// process matched, 1 none, 2 usage error, 3 fatal). The pattern is a POSIX
// extended regular expression, checked with Go's POSIX syntax and matched
// leftmost-longest, as regcomp(REG_EXTENDED) would. pgrep and pkill never
// match themselves.
package pgrep

import (
	_ "embed"
	"fmt"
	"os"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
	"github.com/zinebox/zinebox/pkg/signal"
	"github.com/zinebox/zinebox/pkg/userdb"
	"golang.org/x/sys/unix"
)

//go:embed pgrep.1
var manPage string

var Applet = applet.Applet{
	Name:    "pgrep",
	Summary: "look up processes by name and other attributes",
	Man:     &manPage,
	Main:    func(io *applet.IO, args []string) int { return Run(io, args, false) },
}

func options(kill bool) []getopt.Option {
	var o []getopt.Option
	if !kill {
		o = append(o,
			getopt.Option{Short: 'd', Long: "delimiter", Arg: getopt.RequiredArg, ArgName: "STRING", Help: "specify output delimiter"},
			getopt.Option{Short: 'l', Long: "list-name", Help: "list PID and process name"},
			getopt.Option{Short: 'a', Long: "list-full", Help: "list PID and full command line"},
			getopt.Option{Short: 'v', Long: "inverse", Help: "negates the matching"},
			getopt.Option{Short: 'w', Long: "lightweight", Help: "list all TID"},
		)
	} else {
		o = append(o,
			getopt.Option{Short: 's', Long: "signal", Arg: getopt.RequiredArg, ArgName: "SIGNAL", Help: "signal to send (either number or name)"},
			getopt.Option{Short: 'e', Long: "echo", Help: "display what is killed"},
		)
	}
	return append(o,
		getopt.Option{Short: 'c', Long: "count", Help: "count of matching processes"},
		getopt.Option{Short: 'f', Long: "full", Help: "use full process name to match"},
		getopt.Option{Short: 'g', Long: "pgroup", Arg: getopt.RequiredArg, ArgName: "PGID,...", Help: "match listed process group IDs"},
		getopt.Option{Short: 'G', Long: "group", Arg: getopt.RequiredArg, ArgName: "GID,...", Help: "match real group IDs"},
		getopt.Option{Short: 'i', Long: "ignore-case", Help: "match case insensitively"},
		getopt.Option{Short: 'n', Long: "newest", Help: "select most recently started"},
		getopt.Option{Short: 'o', Long: "oldest", Help: "select least recently started"},
		getopt.Option{Short: 'O', Long: "older", Arg: getopt.RequiredArg, ArgName: "SECONDS", Help: "select where older than seconds"},
		getopt.Option{Short: 'P', Long: "parent", Arg: getopt.RequiredArg, ArgName: "PPID,...", Help: "match only child processes of the given parent"},
		getopt.Option{Short: 's', Long: "session", Arg: getopt.RequiredArg, ArgName: "SID,...", Help: "match session IDs"},
		getopt.Option{Short: 't', Long: "terminal", Arg: getopt.RequiredArg, ArgName: "TTY,...", Help: "match by controlling terminal"},
		getopt.Option{Short: 'u', Long: "euid", Arg: getopt.RequiredArg, ArgName: "ID,...", Help: "match by effective IDs"},
		getopt.Option{Short: 'U', Long: "uid", Arg: getopt.RequiredArg, ArgName: "ID,...", Help: "match by real IDs"},
		getopt.Option{Short: 'x', Long: "exact", Help: "match exactly with the command name"},
		getopt.Option{Short: 'r', Long: "runstates", Arg: getopt.RequiredArg, ArgName: "STATE", Help: "match runstates [D,S,Z,...]"},
		getopt.Option{Short: 'A', Long: "ignore-ancestors", Help: "exclude our ancestors from results"},
	)
}

func specFor(kill bool) *getopt.Spec {
	prog := "pgrep"
	if kill {
		prog = "pkill"
	}
	opts := options(kill)
	if kill {
		// pkill's -s is --signal only in its long form; -s is the session.
		opts[0].Short = 0
	}
	return &getopt.Spec{Prog: prog, Usage: []string{"[options] <pattern>"}, Options: opts,
		Summary: "Find (pgrep) or signal (pkill) processes whose name matches <pattern>."}
}

type matcher struct {
	re                                     *regexp.Regexp
	full, inverse, newest, oldest, ignAnc  bool
	threads                                bool
	pgrps, sids, ppids, euids, ruids, gids []int
	ttys                                   []string
	states                                 string
	older                                  float64
	hasOlder                               bool
}

// Match is one selected process (or thread with -w).
type Match struct {
	Pid  int
	Comm string
	Args []string
}

// Run is pgrep (kill false) or pkill (kill true).
func Run(io *applet.IO, args []string, kill bool) int {
	sig := syscall.SIGTERM
	if kill {
		// pkill -SIGNAL: the first argument that names a signal.
		for i, a := range args {
			if len(a) > 1 && a[0] == '-' && a != "--" {
				if s, ok := signal.Parse(a[1:]); ok {
					sig = s
					args = append(append([]string(nil), args[:i]...), args[i+1:]...)
					break
				}
			}
		}
	}
	spec := specFor(kill)
	r, done, st := io.Parse(spec, args, 2)
	if done {
		return st
	}
	m := &matcher{}
	delim, list, listFull, count, echo := "\n", false, false, false, false
	var pattern string
	ignoreCase, exact := false, false
	users := userdb.New("/etc")
	for _, o := range r.Opts {
		var err error
		switch o.Key {
		case "delimiter":
			delim = o.Value
		case "list-name":
			list = true
		case "list-full":
			listFull = true
		case "inverse":
			m.inverse = true
		case "lightweight":
			m.threads = true
		case "signal":
			s, ok := signal.Parse(o.Value)
			if !ok {
				io.Errorf("Unknown signal \"%s\".", o.Value)
				return 2
			}
			sig = s
		case "echo":
			echo = true
		case "count":
			count = true
		case "full":
			m.full = true
		case "ignore-case":
			ignoreCase = true
		case "newest":
			m.newest = true
		case "oldest":
			m.oldest = true
		case "exact":
			exact = true
		case "ignore-ancestors":
			m.ignAnc = true
		case "runstates":
			m.states = o.Value
		case "older":
			m.older, err = strconv.ParseFloat(o.Value, 64)
			m.hasOlder = true
		case "pgroup":
			m.pgrps, err = idList(o.Value, func() int { return unix.Getpgrp() })
		case "session":
			m.sids, err = idList(o.Value, func() int { s, _ := unix.Getsid(0); return s })
		case "parent":
			m.ppids, err = idList(o.Value, nil)
		case "group":
			m.gids, err = nameList(o.Value, func(n string) (int, bool) {
				g, ok := users.LookupGroup(n)
				return int(g.GID), ok
			})
		case "euid", "uid":
			var l []int
			l, err = nameList(o.Value, func(n string) (int, bool) {
				u, ok := users.LookupUser(n)
				return int(u.UID), ok
			})
			if o.Key == "euid" {
				m.euids = append(m.euids, l...)
			} else {
				m.ruids = append(m.ruids, l...)
			}
		case "terminal":
			for _, t := range strings.Split(o.Value, ",") {
				m.ttys = append(m.ttys, strings.TrimPrefix(t, "/dev/"))
			}
		}
		if err != nil {
			io.Errorf("%s", err)
			return 2
		}
	}
	if m.newest && m.oldest {
		io.Errorf("-n and -o are mutually exclusive")
		return 2
	}
	switch len(r.Operands) {
	case 0:
	case 1:
		pattern = r.Operands[0]
	default:
		io.Errorf("only one pattern can be provided")
		fmt.Fprintf(io.Stderr, "Try `%s --help' for more information.\n", spec.Prog)
		return 2
	}
	if len(r.Operands) == 0 && len(r.Opts) == 0 || len(r.Operands) == 0 && !m.hasCriteria() {
		io.Errorf("no matching criteria specified")
		fmt.Fprintf(io.Stderr, "Try `%s --help' for more information.\n", spec.Prog)
		return 2
	}
	if len(r.Operands) == 1 {
		if !m.full && len(pattern) > 15 && !exact {
			io.Errorf("pattern that searches for process name longer than 15 characters will result in zero matches")
			fmt.Fprintf(io.Stderr, "Try `%s -f' option to match against the complete command line.\n", spec.Prog)
		}
		re, err := compile(pattern, exact, ignoreCase)
		if err != nil {
			io.Errorf("regex error: %s", err)
			return 2
		}
		m.re = re
	}
	matches, err := m.find()
	if err != nil {
		io.Errorf("%s", err)
		return 3
	}
	if kill {
		killed := 0
		for _, p := range matches {
			if err := unix.Kill(p.Pid, sig); err != nil {
				if err == unix.ESRCH {
					continue // ended since we listed it: nothing to say, as procps
				}
				io.Errorf("killing pid %d failed: %s", p.Pid, errno.Message(err))
				continue
			}
			killed++
			if echo {
				fmt.Fprintf(io.Stdout, "%s killed (pid %d)\n", p.Comm, p.Pid)
			}
		}
		if count {
			fmt.Fprintf(io.Stdout, "%d\n", len(matches))
		}
		if killed == 0 {
			return io.Finish(1)
		}
		return io.Finish(0)
	}
	if count {
		fmt.Fprintf(io.Stdout, "%d\n", len(matches))
	} else {
		for i, p := range matches {
			if i > 0 {
				io.Stdout.WriteString(delim)
			}
			switch {
			case listFull && len(p.Args) > 0:
				fmt.Fprintf(io.Stdout, "%d %s", p.Pid, strings.Join(p.Args, " "))
			case list || listFull:
				fmt.Fprintf(io.Stdout, "%d %s", p.Pid, p.Comm)
			default:
				fmt.Fprintf(io.Stdout, "%d", p.Pid)
			}
		}
		if len(matches) > 0 {
			io.Stdout.WriteString("\n")
		}
	}
	if len(matches) == 0 {
		return io.Finish(1)
	}
	return io.Finish(0)
}

func (m *matcher) hasCriteria() bool {
	return len(m.pgrps)+len(m.sids)+len(m.ppids)+len(m.euids)+len(m.ruids)+len(m.gids)+len(m.ttys) > 0 ||
		m.states != "" || m.hasOlder || m.ignAnc
}

// compile checks pattern as a POSIX extended regular expression and
// compiles it for leftmost-longest matching; -x anchors it at both ends.
func compile(pattern string, exact, ignoreCase bool) (*regexp.Regexp, error) {
	if exact {
		pattern = "^(" + pattern + ")$"
	}
	flags := syntax.POSIX
	if ignoreCase {
		flags |= syntax.FoldCase
	}
	parsed, err := syntax.Parse(pattern, flags)
	if err != nil {
		return nil, posixMessage(err)
	}
	re, err := regexp.Compile(parsed.String())
	if err != nil {
		return nil, posixMessage(err)
	}
	re.Longest()
	return re, nil
}

// posixMessage words a regexp error as glibc's regerror(3) does.
func posixMessage(err error) error {
	e, ok := err.(*syntax.Error)
	if !ok {
		return err
	}
	switch e.Code {
	case syntax.ErrMissingParen, syntax.ErrUnexpectedParen:
		return fmt.Errorf("Unmatched ( or \\(")
	case syntax.ErrMissingBracket:
		return fmt.Errorf("Unmatched [, [^, [:, [., or [=")
	case syntax.ErrMissingRepeatArgument, syntax.ErrInvalidRepeatOp:
		return fmt.Errorf("Invalid preceding regular expression")
	case syntax.ErrInvalidRepeatSize:
		return fmt.Errorf("Invalid content of \\{\\}")
	case syntax.ErrInvalidCharRange:
		return fmt.Errorf("Invalid range end")
	case syntax.ErrTrailingBackslash:
		return fmt.Errorf("Trailing backslash")
	case syntax.ErrInvalidCharClass:
		return fmt.Errorf("Invalid character class name")
	}
	return err
}

func idList(s string, zero func() int) ([]int, error) {
	var l []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("invalid ID list: %s", s)
		}
		if n == 0 && zero != nil {
			n = zero()
		}
		l = append(l, n)
	}
	return l, nil
}

func nameList(s string, lookup func(string) (int, bool)) ([]int, error) {
	var l []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			var ok bool
			if n, ok = lookup(f); !ok {
				return nil, fmt.Errorf("invalid user name: %s", f)
			}
		}
		l = append(l, n)
	}
	return l, nil
}

// find returns the matching processes in pid order (one with -n or -o).
func (m *matcher) find() ([]Match, error) {
	pids, err := proc.Pids()
	if err != nil {
		return nil, err
	}
	self := os.Getpid()
	ancestors := map[int]bool{}
	if m.ignAnc {
		for p := self; p > 0; {
			ancestors[p] = true
			st, err := proc.ReadStat(p, 0)
			if err != nil {
				break
			}
			p = st.PPid
		}
	}
	uptime, _, _ := proc.Uptime()
	var out []Match
	var best *Match
	var bestStart uint64
	for _, pid := range pids {
		if pid == self || ancestors[pid] {
			continue
		}
		st, err := proc.ReadStat(pid, 0)
		if err != nil {
			continue
		}
		ok, argv := m.matches(pid, st, uptime)
		if ok == m.inverse {
			continue
		}
		match := Match{Pid: pid, Comm: st.Comm, Args: argv}
		if m.newest || m.oldest {
			if best == nil || (m.newest && st.StartTime >= bestStart) || (m.oldest && st.StartTime < bestStart) {
				best, bestStart = &match, st.StartTime
			}
			continue
		}
		if m.threads {
			tids, _ := proc.Tasks(pid)
			for _, t := range tids {
				out = append(out, Match{Pid: t, Comm: st.Comm, Args: argv})
			}
			continue
		}
		out = append(out, match)
	}
	if best != nil {
		out = append(out, *best)
	}
	return out, nil
}

// matches applies every criterion to one process.
func (m *matcher) matches(pid int, st *proc.Stat, uptime float64) (bool, []string) {
	argv, _ := proc.Cmdline(pid)
	if len(m.ppids) > 0 && !contains(m.ppids, st.PPid) ||
		len(m.pgrps) > 0 && !contains(m.pgrps, st.Pgrp) ||
		len(m.sids) > 0 && !contains(m.sids, st.Session) {
		return false, argv
	}
	if len(m.ttys) > 0 {
		name, ok := proc.TtyName(st.TtyNr), false
		for _, t := range m.ttys {
			ok = ok || t == name // "?" is no terminal, as procps names it
		}
		if !ok {
			return false, argv
		}
	}
	if m.states != "" && !strings.ContainsRune(m.states, rune(st.State)) {
		return false, argv
	}
	if m.hasOlder && uptime-float64(st.StartTime)/proc.ClockTicks < m.older {
		return false, argv
	}
	if len(m.euids)+len(m.ruids)+len(m.gids) > 0 {
		status, err := proc.ReadStatus(pid, 0)
		if err != nil {
			return false, argv
		}
		if len(m.euids) > 0 && !contains(m.euids, status.IDs("Uid")[1]) ||
			len(m.ruids) > 0 && !contains(m.ruids, status.IDs("Uid")[0]) ||
			len(m.gids) > 0 && !contains(m.gids, status.IDs("Gid")[0]) {
			return false, argv
		}
	}
	if m.re != nil {
		subject := st.Comm
		if m.full && len(argv) > 0 {
			subject = strings.Join(argv, " ")
		}
		if !m.re.MatchString(subject) {
			return false, argv
		}
	}
	return true, argv
}

func contains(l []int, n int) bool {
	for _, x := range l {
		if x == n {
			return true
		}
	}
	return false
}
