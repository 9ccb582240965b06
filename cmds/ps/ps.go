// Package ps implements ps(1): report a snapshot of the processes, read
// from /proc (the zine's /proc, processes and threads pages).
//
// procps-ng is the model: UNIX options (-e -A -a -d -f -F -l -j -H -L -T
// -o -p -u -U -t -s -C --ppid --pid --forest --sort --no-headers), BSD options
// (a x u j f w, `ps aux`, `ps axjf`), its column names, headers, widths and
// time formats. Processes that exit while ps reads them are skipped.
// Not done: BSD v/s/e formats, personality variables.
package ps

import (
	_ "embed"
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/proc"
	"github.com/zinebox/zinebox/pkg/stdio"
	"github.com/zinebox/zinebox/pkg/userdb"
	"golang.org/x/sys/unix"
)

//go:embed ps.1
var manPage string

var Applet = applet.Applet{
	Name:    "ps",
	Summary: "report a snapshot of the current processes",
	Man:     &manPage,
	Main:    run,
}

// spec is for --help only: ps's mix of UNIX and BSD options is parsed by
// hand in parseArgs.
var spec = getopt.Spec{
	Prog:    "ps",
	Usage:   []string{"[options]"},
	Summary: "Report a snapshot of the current processes (read from /proc).",
	Options: []getopt.Option{
		{Short: 'e', Help: "all processes (also -A, BSD ax)"},
		{Short: 'a', Help: "all with a tty, except session leaders"},
		{Short: 'd', Help: "all except session leaders"},
		{Short: 'p', Long: "pid", Arg: getopt.RequiredArg, ArgName: "PIDLIST", Help: "processes with these ids"},
		{Long: "ppid", Arg: getopt.RequiredArg, ArgName: "PIDLIST", Help: "children of these processes"},
		{Short: 'u', Long: "user", Arg: getopt.RequiredArg, ArgName: "USERLIST", Help: "processes of these effective users"},
		{Short: 'U', Long: "User", Arg: getopt.RequiredArg, ArgName: "USERLIST", Help: "processes of these real users"},
		{Short: 't', Long: "tty", Arg: getopt.RequiredArg, ArgName: "TTYLIST", Help: "processes on these terminals"},
		{Short: 's', Long: "sid", Arg: getopt.RequiredArg, ArgName: "SIDLIST", Help: "processes in these sessions"},
		{Short: 'C', Arg: getopt.RequiredArg, ArgName: "CMDLIST", Help: "processes with these command names"},
		{Short: 'o', Long: "format", Arg: getopt.RequiredArg, ArgName: "FIELDS", Help: "user-defined format: pid,ppid,stat,comm,args..."},
		{Short: 'f', Help: "full format"},
		{Short: 'F', Help: "extra full format"},
		{Short: 'l', Help: "long format"},
		{Short: 'j', Help: "jobs format"},
		{Short: 'y', Help: "with -l: no flags, RSS in place of ADDR"},
		{Short: 'c', Help: "scheduling class and priority in place of C"},
		{Short: 'H', Help: "show process hierarchy (indented)"},
		{Long: "forest", Help: "ASCII-art process tree (BSD f)"},
		{Short: 'L', Help: "one line per thread, with LWP and NLWP"},
		{Short: 'T', Help: "one line per thread, with SPID"},
		{Long: "no-headers", Help: "print no header line"},
		{Short: 'w', Help: "wide output (132 columns; twice: unlimited)"},
		{Long: "sort", Arg: getopt.RequiredArg, ArgName: "[+-]FIELD,...", Help: "order the lines by these columns (- for descending)"},
	},
	Footer: "BSD options: a, x, u (user format), j (jobs format), l (long format), f (forest), w (wide).",
}

type config struct {
	all, bsdA, bsdX, minusA, minusD bool
	selected                        bool // some -p/-u/-t/... selection was given
	pids, ppids, sids               []int
	euids, ruids                    []int
	ttys, cmds                      []string
	format                          []string
	full, extra, long, jobs         bool
	threadsL, threadsT              bool
	threadsH                        bool // BSD H: thread lines, no thread column
	noFlags                         bool // -y: -l without F, RSS in place of ADDR
	sched                           bool // -c: scheduling class and priority in place of C (and -l's PRI NI)
	hier, forest                    bool
	bsdU, bsdJ, bsdL, bsd           bool
	noHeaders                       bool
	wide                            int
	sortKeys                        []string // --sort: [+-]field, in priority order
}

func run(io *applet.IO, args []string) int {
	for _, a := range args {
		if a == "--help" {
			io.Stdout.WriteString(spec.Help())
			return io.Finish(0)
		}
		if a == "--version" || a == "-V" || a == "V" {
			fmt.Fprintf(io.Stdout, "ps (zinebox) %s\n", applet.Version)
			return io.Finish(0)
		}
	}
	users := userdb.New("/etc")
	cfg, err := parseArgs(args, users)
	if err != nil {
		return usageError(io, err)
	}

	cols, err := columns(cfg)
	if err != nil {
		return usageError(io, err)
	}
	c := &ctx{
		now:    time.Now(),
		pageKB: pageKB(),
		users:  users.UserName,
		groups: users.GroupName,
		forest: cfg.forest,
		hier:   cfg.hier,
	}
	c.uptime, _, _ = proc.Uptime()
	if bt, err := proc.BootTime(); err == nil {
		c.boot = time.Unix(bt, 0)
	}
	if mem, err := proc.MemInfo(); err == nil {
		c.memKB, _ = mem("MemTotal")
	}
	tasks, err := collect(cfg)
	if err != nil {
		io.Errorf("%s", err)
		return 1
	}
	if len(cfg.sortKeys) > 0 {
		sortTasks(c, tasks, cfg.sortKeys)
	}
	if cfg.forest || cfg.hier {
		tasks = tree(tasks, cfg.forest)
	}
	// Lines are cut at the screen's width; one -w widens that to at least
	// 132 columns, two lift the limit (as does output to a pipe or file
	// without COLUMNS).
	width := screenWidth(io)
	switch {
	case cfg.wide == 1 && width > 0:
		width = max(width, 132)
	case cfg.wide >= 2:
		width = 0
	}
	if !cfg.noHeaders && hasHeader(cols) {
		writeLine(io, cols, func(col column) string { return col.header }, width, true)
	}
	for _, t := range tasks {
		row := make([]string, len(cols))
		for i, col := range cols {
			row[i] = col.value(c, t)
		}
		if t.gone() {
			continue // exited while we read it: its fields are half made up
		}
		i := 0
		writeLine(io, cols, func(column) string { i++; return row[i-1] }, width, false)
	}
	if len(tasks) == 0 && cfg.selected {
		return io.Finish(1)
	}
	return io.Finish(0)
}

// usageError prints a command-line error the way procps ps does: the
// message, without the program name, then the short usage.
func usageError(io *applet.IO, err error) int {
	msg := err.Error()
	if !strings.HasPrefix(msg, "error: ") {
		msg = "error: " + msg
	}
	io.Stdout.Flush()
	fmt.Fprintf(io.Stderr, "%s\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n", msg)
	return 1
}

// screenWidth is the terminal's width when standard output is one (lines
// are cut there, as procps does), else 0 for no limit. COLUMNS overrides.
func screenWidth(io *applet.IO) int {
	if v, err := strconv.Atoi(io.Getenv("COLUMNS")); err == nil && v > 0 {
		return v
	}
	if io.Stdout.Mode() != stdio.Line {
		return 0
	}
	ws, err := unix.IoctlGetWinsize(1, unix.TIOCGWINSZ)
	if err != nil || ws.Col == 0 {
		return 0
	}
	return int(ws.Col)
}

func hasHeader(cols []column) bool {
	for _, c := range cols {
		if c.header != "" {
			return true
		}
	}
	return false
}

// writeLine lays out one row: columns separated by a space, numbers right
// aligned, text left aligned and cut to its width unless it is the last
// column. A value too wide for its column pushes the rest of the line
// right, and later columns take the excess back where they have room.
func writeLine(io *applet.IO, cols []column, val func(column) string, width int, header bool) {
	var b strings.Builder
	target := 0    // where the current column should end if all fitted
	lastStart := 0 // where the last column's text starts
	limit := 0     // where the line is cut, 0 for nowhere
	for i, col := range cols {
		v := val(col)
		last := i == len(cols)-1
		if last {
			lastStart = b.Len()
			if i > 0 {
				lastStart++
			}
			if width > 0 && !header { // (procps never cuts the header)
				// procps gives the last column at least 3 columns: when
				// the others leave less, the line may run over as many
				// screen widths as that takes.
				limit = width
				for limit-lastStart < 3 {
					limit += width
				}
			}
		}
		if prefix, text, ok := strings.Cut(v, forestMark); ok {
			room := -1 // unlimited
			switch {
			case !last:
				room = col.width
			case limit > 0:
				room = limit - lastStart
			}
			v = fitForest(prefix, text, room)
		}
		if i > 0 {
			target++
		}
		start := target
		target += col.width
		if !header && !col.right && !last && len(v) > col.width {
			v = v[:col.width]
		}
		pos := b.Len()
		if i > 0 {
			pos++ // at least one space between columns
		}
		if col.right {
			at := max(pos, target-len(v))
			b.WriteString(strings.Repeat(" ", at-b.Len()))
			b.WriteString(v)
		} else {
			at := max(pos, start)
			b.WriteString(strings.Repeat(" ", at-b.Len()))
			b.WriteString(v)
			if !last {
				b.WriteString(strings.Repeat(" ", max(0, target-b.Len())))
			}
		}
	}
	line := b.String()
	if limit > 0 && len(line) > limit {
		line = line[:limit]
	}
	io.Stdout.WriteString(line + "\n")
}

// forestMark separates the tree drawing of --forest and -H from the
// command in a column's value, so that writeLine can fit both in.
const forestMark = "\x00"

// fitForest draws as much of a tree prefix (pieces of 4 columns for
// --forest, 2 for -H) as leaves each piece its full width, then the text,
// all within room columns (-1: no limit), as procps does: a deep process
// on a narrow screen keeps the start of its command, not only the tree.
func fitForest(prefix, text string, room int) string {
	if room < 0 {
		return prefix + text
	}
	step := 4
	if strings.TrimLeft(prefix, " ") == "" {
		step = 2 // -H: plain indentation
	}
	n := 0
	for n+step <= len(prefix) && room-n >= step {
		n += step
	}
	v := prefix[:n] + text
	if len(v) > room {
		v = v[:room]
	}
	return v
}

// parseArgs reads UNIX (-x), BSD (x) and long (--x) options.
func parseArgs(args []string, users *userdb.DB) (cfg *config, err error) {
	cfg = &config{}
	unixL, unixT := false, false // BSD H may join -L; -T may not
	defer func() {
		switch {
		case err != nil:
		case unixL && unixT:
			cfg, err = nil, fmt.Errorf("thread flags conflict; can't use both -L and -T")
		case cfg.formatConflict():
			cfg, err = nil, fmt.Errorf("conflicting format options")
		case len(cfg.format) > 0 && (cfg.jobs || cfg.noFlags):
			cfg, err = nil, fmt.Errorf("can not use output modifiers with user-defined output")
		case cfg.noFlags && !cfg.long && len(cfg.format) == 0:
			cfg, err = nil, fmt.Errorf("modifier -y without format -l makes no sense")
		case (unixL || unixT) && (cfg.hier || cfg.forest):
			cfg, err = nil, fmt.Errorf("thread display conflicts with forest display")
		}
	}()
	for i := 0; i < len(args); i++ {
		a := args[i]
		// next returns the argument of an option: the rest of this word or
		// the next word.
		next := func(rest string) (string, error) {
			if rest != "" {
				return rest, nil
			}
			if i+1 < len(args) {
				i++
				return args[i], nil
			}
			return "", fmt.Errorf("something broke")
		}
		if strings.HasPrefix(a, "--") {
			name, val, hasVal := strings.Cut(a[2:], "=")
			needVal := func() (string, error) {
				if hasVal {
					return val, nil
				}
				return next("")
			}
			var err error
			switch name {
			case "forest":
				cfg.forest = true
			case "no-headers", "no-heading", "noheaders":
				cfg.noHeaders = true
			case "pid", "ppid", "sid", "user", "User", "tty", "format", "cols", "columns", "width":
				if val, err = needVal(); err != nil {
					return nil, err
				}
				if err := cfg.addList(name, val, users); err != nil {
					return nil, err
				}
			case "sort":
				if val, err = needVal(); err != nil {
					return nil, err
				}
				for _, k := range strings.Split(val, ",") {
					if _, ok := lookupColumn(strings.ToLower(strings.TrimLeft(k, "+-"))); !ok || k == "" {
						return nil, fmt.Errorf("error: unknown sort specifier")
					}
					cfg.sortKeys = append(cfg.sortKeys, k)
				}
			case "deselect", "cumulative":
			default:
				return nil, fmt.Errorf("unknown gnu long option")
			}
			continue
		}
		unix := strings.HasPrefix(a, "-")
		letters := strings.TrimPrefix(a, "-")
		if letters == "" {
			return nil, fmt.Errorf("unsupported SysV option")
		}
		if !unix {
			cfg.bsd = true
		}
		for k := 0; k < len(letters); k++ {
			l := letters[k]
			rest := letters[k+1:]
			takeArg := func(key string) error {
				v, err := next(rest)
				if err != nil {
					return fmt.Errorf("error: list of %s must follow -%c", key, l)
				}
				k = len(letters)
				return cfg.addList(key, v, users)
			}
			var err error
			if unix {
				switch l {
				case 'e', 'A':
					cfg.all = true
				case 'a':
					cfg.minusA = true
				case 'd':
					cfg.minusD = true
				case 'f':
					cfg.full = true
				case 'F':
					cfg.extra = true
				case 'l':
					cfg.long = true
				case 'j':
					cfg.jobs = true
				case 'H':
					cfg.hier = true
				case 'L':
					cfg.threadsL = true
					unixL = true
				case 'T':
					cfg.threadsT = true
					unixT = true
				case 'w':
					cfg.wide++
				case 'y':
					cfg.noFlags = true
				case 'c':
					cfg.sched = true
				case 'M', 'Z', 'N':
				case 'p', 'q':
					err = takeArg("pid")
				case 'u':
					err = takeArg("user")
				case 'U':
					err = takeArg("User")
				case 't':
					err = takeArg("tty")
				case 's':
					err = takeArg("sid")
				case 'C':
					err = takeArg("cmd")
				case 'o':
					err = takeArg("format")
				default:
					return nil, fmt.Errorf("error: unsupported SysV option")
				}
			} else {
				switch l {
				case 'a':
					cfg.bsdA = true
				case 'x':
					cfg.bsdX = true
				case 'u':
					cfg.bsdU = true
				case 'j':
					cfg.bsdJ = true
				case 'l':
					cfg.bsdL = true
				case 'f':
					cfg.forest = true
				case 'w':
					cfg.wide++
				case 'H':
					cfg.threadsH = true
				case 'h':
					cfg.noHeaders = true
				case 'c', 'e', 'n':
				case 'p':
					err = takeArg("pid")
				case 'U':
					err = takeArg("user")
				case 't':
					err = takeArg("tty")
				case 'o':
					err = takeArg("format")
				default:
					return nil, fmt.Errorf("error: unsupported option (BSD syntax)")
				}
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return cfg, nil
}

// formatConflict reports two formats that procps refuses to merge: -o
// with -l or -F, BSD u, l and j with each other or with -l, -f, -F or -o
// (-f with -o, and -l with -F, are fine).
func (cfg *config) formatConflict() bool {
	bsd := 0
	for _, b := range []bool{cfg.bsdU, cfg.bsdL, cfg.bsdJ} {
		if b {
			bsd++
		}
	}
	user := len(cfg.format) > 0
	return bsd > 1 || (user && (cfg.long || cfg.extra || bsd > 0)) || (bsd > 0 && (cfg.long || cfg.extra || cfg.full))
}

// addList adds a comma- or space-separated list of selections or fields.
func (cfg *config) addList(kind, val string, users *userdb.DB) error {
	items := strings.FieldsFunc(val, func(r rune) bool { return r == ',' || r == ' ' })
	if kind == "format" {
		// A header may contain commas only when it ends the list: keep
		// procps's "pid=A,B" meaning header "A,B"? procps splits; so do we.
		cfg.format = append(cfg.format, items...)
		return nil
	}
	if kind == "cols" || kind == "columns" || kind == "width" {
		cfg.wide = 2
		return nil
	}
	if len(items) == 0 {
		return fmt.Errorf("error: list of %s must follow", kind)
	}
	cfg.selected = true
	for _, it := range items {
		switch kind {
		case "pid", "ppid", "sid":
			n, err := strconv.Atoi(it)
			if err != nil || n < 0 {
				return fmt.Errorf("error: process ID list syntax error")
			}
			switch kind {
			case "pid":
				cfg.pids = append(cfg.pids, n)
			case "ppid":
				cfg.ppids = append(cfg.ppids, n)
			default:
				cfg.sids = append(cfg.sids, n)
			}
		case "user", "User":
			uid, err := strconv.Atoi(it)
			if err != nil {
				u, ok := users.LookupUser(it)
				if !ok {
					return fmt.Errorf("error: user name does not exist")
				}
				uid = int(u.UID)
			}
			if kind == "user" {
				cfg.euids = append(cfg.euids, uid)
			} else {
				cfg.ruids = append(cfg.ruids, uid)
			}
		case "tty":
			cfg.ttys = append(cfg.ttys, strings.TrimPrefix(it, "/dev/"))
		case "cmd":
			cfg.cmds = append(cfg.cmds, it)
		}
	}
	return nil
}

// columns turns the options into the list of columns to print.
func columns(cfg *config) ([]column, error) {
	var names []string
	threads := cfg.threadsL || cfg.threadsT
	lwp := "lwp"
	if cfg.threadsT {
		lwp = "spid"
	}
	switch {
	case len(cfg.format) > 0:
		names = cfg.format
	case cfg.bsdU:
		names = []string{"user", "pid", "%cpu", "%mem", "vsz", "rss", "tname", "stat", "start_time", "bsdtime", "args"}
	case cfg.bsdL:
		names = []string{"f", "uid", "pid", "ppid", "priority=PRI", "ni", "vsz", "rss", "wchan", "stat", "tname", "bsdtime", "args"}
	case cfg.bsdJ:
		names = []string{"ppid", "pid", "pgid", "sid", "tname", "tpgid", "stat", "uid", "bsdtime", "args"}
	case cfg.bsd && !cfg.full && !cfg.long && !cfg.extra && !cfg.jobs:
		names = []string{"pid", "tname", "stat", "bsdtime", "args"}
		if threads {
			names = []string{"pid", lwp, "tname", "stat", "bsdtime", "args"}
		}
	default:
		names = sysvFormat(cfg)
	}
	var cols []column
	for _, n := range names {
		name, header, hasHeader := strings.Cut(n, "=")
		name, width, hasWidth := strings.Cut(name, ":")
		col, ok := lookupColumn(strings.ToLower(name))
		if !ok {
			return nil, fmt.Errorf("error: unknown user-defined format specifier \"%s\"", name)
		}
		if hasHeader {
			col.header = header
			if len(header) > col.width {
				col.width = len(header)
			}
		}
		if hasWidth {
			w, err := strconv.Atoi(width)
			if err != nil || w <= 0 {
				return nil, fmt.Errorf("error: unknown user-defined format specifier \"%s\"", n)
			}
			col.width = w
		}
		cols = append(cols, col)
	}
	return cols, nil
}

// sysvFormat builds the columns of the UNIX formats the way procps
// combines them: -l, -f, -F and -j each add their columns to the default
// PID TTY TIME CMD, and the thread options add theirs in fixed places
// (-T: SPID after PID; -L: LWP after the ids, NLWP after C in -f and -F).
func sysvFormat(cfg *config) []string {
	full := cfg.full || cfg.extra
	var n []string
	switch {
	case cfg.long && cfg.noFlags:
		n = append(n, "s")
	case cfg.long:
		n = append(n, "f", "s")
	}
	switch {
	case full:
		n = append(n, "user=UID")
	case cfg.long:
		n = append(n, "uid")
	}
	n = append(n, "pid")
	if cfg.threadsT {
		n = append(n, "spid")
	}
	if full || cfg.long {
		n = append(n, "ppid")
	}
	if cfg.jobs {
		n = append(n, "pgid", "sid")
	}
	if cfg.threadsL {
		n = append(n, "lwp")
	}
	switch {
	case cfg.sched:
		n = append(n, "class", "pri")
	case full || cfg.long:
		n = append(n, "c")
	}
	if cfg.threadsL && full {
		n = append(n, "nlwp")
	}
	if cfg.long && !cfg.sched {
		n = append(n, "opri", "ni")
	}
	switch {
	case cfg.long && cfg.noFlags:
		n = append(n, "rss", "sz", "wchan")
	case cfg.long:
		n = append(n, "addr_1", "sz", "wchan")
	}
	if cfg.extra {
		if !cfg.long {
			n = append(n, "sz")
		}
		if !(cfg.long && cfg.noFlags) {
			n = append(n, "rss")
		}
		n = append(n, "psr")
	}
	if full {
		n = append(n, "stime")
	}
	n = append(n, "tname", "time")
	if full {
		return append(n, "cmd")
	}
	return append(n, "ucmd")
}

// collect reads the selected processes (or their threads) from /proc.
func collect(cfg *config) ([]*task, error) {
	pids, err := proc.Pids()
	if err != nil {
		return nil, err
	}
	self, _ := proc.ReadStat(os.Getpid(), 0)
	euid := os.Geteuid()
	var out []*task
	for _, pid := range pids {
		st, err := proc.ReadStat(pid, 0)
		if err != nil {
			continue // gone, or unreadable: skip it
		}
		t := &task{pid: pid, tid: pid, st: st}
		if !cfg.wants(t, self, euid) {
			continue
		}
		if !(cfg.threadsL || cfg.threadsT || cfg.threadsH) {
			out = append(out, t)
			continue
		}
		tids, err := proc.Tasks(pid)
		if err != nil {
			continue
		}
		for _, tid := range tids {
			// The leader's line shows the whole process's figures (its
			// CPU time is every thread's), as procps shows it.
			tst := st
			if tid != pid {
				if tst, err = proc.ReadStat(pid, tid); err != nil {
					continue
				}
			}
			out = append(out, &task{pid: pid, tid: tid, thread: true, st: tst})
		}
	}
	return out, nil
}

// wants decides whether process t is selected.
func (cfg *config) wants(t *task, self *proc.Stat, euid int) bool {
	st := t.st
	if cfg.all || (cfg.bsdA && cfg.bsdX) {
		return true
	}
	if cfg.selected {
		if slices.Contains(cfg.pids, t.pid) || slices.Contains(cfg.ppids, st.PPid) || slices.Contains(cfg.sids, st.Session) {
			return true
		}
		if len(cfg.euids) > 0 && slices.Contains(cfg.euids, t.ids("Uid")[1]) {
			return true
		}
		if len(cfg.ruids) > 0 && slices.Contains(cfg.ruids, t.ids("Uid")[0]) {
			return true
		}
		for _, tty := range cfg.ttys {
			name := proc.TtyName(st.TtyNr)
			if tty == name || (tty == "-" && st.TtyNr == 0) || "tty"+tty == name {
				return true
			}
		}
		for _, c := range cfg.cmds {
			if c == st.Comm {
				return true
			}
		}
		if !cfg.minusA && !cfg.minusD && !cfg.bsdA && !cfg.bsdX {
			return false
		}
	}
	switch {
	case cfg.minusD:
		return st.Session != t.pid
	case cfg.minusA:
		return st.Session != t.pid && st.TtyNr != 0
	case cfg.bsdA:
		return st.TtyNr != 0
	case cfg.bsdX:
		return t.ids("Uid")[1] == euid
	case cfg.selected:
		return false
	}
	// Default: our effective user, on our terminal.
	return t.ids("Uid")[1] == euid && self != nil && st.TtyNr == self.TtyNr
}

// tree orders tasks as a forest, the way procps draws it: the processes
// sorted by parent, start time and pid; every process whose parent is not
// listed starts a tree, and the trees come in reverse order of that sort
// (which puts kthreadd's tree before init's); children follow their parent
// in sort order. With --forest (not -H) the children of init are drawn at
// init's own level, which keeps daemons at the left margin.
func tree(tasks []*task, forest bool) []*task {
	sorted := append([]*task(nil), tasks...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].st, sorted[j].st
		if a.PPid != b.PPid {
			return a.PPid < b.PPid
		}
		if a.StartTime != b.StartTime {
			return a.StartTime < b.StartTime
		}
		return sorted[i].pid < sorted[j].pid
	})
	present := make(map[int]bool, len(sorted))
	children := make(map[int][]*task)
	for _, t := range sorted {
		present[t.pid] = true
	}
	for _, t := range sorted {
		if t.st.PPid != t.pid {
			children[t.st.PPid] = append(children[t.st.PPid], t)
		}
	}
	var out []*task
	var walk func(t *task, depth int, last []bool)
	walk = func(t *task, depth int, last []bool) {
		t.depth, t.last = depth, last
		out = append(out, t)
		kids := children[t.pid]
		for i, c := range kids {
			if forest && t.pid == 1 {
				walk(c, depth, last) // adopted by init: same level
				continue
			}
			walk(c, depth+1, append(append([]bool(nil), last...), i == len(kids)-1))
		}
	}
	for i := len(sorted) - 1; i >= 0; i-- {
		if t := sorted[i]; !present[t.st.PPid] || t.st.PPid == t.pid {
			walk(t, 0, []bool{true})
		}
	}
	return out
}

// sortTasks orders the rows by --sort keys: each a column name, "-" for
// descending; numbers compare as numbers, times and text as text.
func sortTasks(c *ctx, tasks []*task, keys []string) {
	type key struct {
		col  column
		desc bool
	}
	var ks []key
	for _, k := range keys {
		col, _ := lookupColumn(strings.ToLower(strings.TrimLeft(k, "+-")))
		ks = append(ks, key{col, strings.HasPrefix(k, "-")})
	}
	cache := make(map[*task][]string, len(tasks))
	vals := func(t *task) []string {
		v, ok := cache[t]
		if !ok {
			for _, k := range ks {
				v = append(v, k.col.value(c, t))
			}
			cache[t] = v
		}
		return v
	}
	sort.SliceStable(tasks, func(i, j int) bool {
		a, b := vals(tasks[i]), vals(tasks[j])
		for n, k := range ks {
			cmp := compareValues(a[n], b[n])
			if cmp == 0 {
				continue
			}
			if k.desc {
				return cmp > 0
			}
			return cmp < 0
		}
		return false
	})
}

func compareValues(a, b string) int {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	return strings.Compare(a, b)
}
