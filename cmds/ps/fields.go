package ps

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zinebox/zinebox/pkg/proc"
)

// column is one output field: its -o name, header, width, alignment and how
// to compute it. Widths and headers are procps-ng's.
type column struct {
	name   string
	header string
	width  int
	right  bool
	value  func(c *ctx, p *task) string
}

// lookupColumn returns the column called name (a procps -o keyword).
func lookupColumn(name string) (column, bool) {
	switch name {
	case "pid", "tgid":
		return column{name, strings.ToUpper(name), 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.pid) }}, true
	case "lwp", "spid", "tid":
		return column{name, strings.ToUpper(name), 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.tid) }}, true
	case "ppid":
		return column{name, "PPID", 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.st.PPid) }}, true
	case "pgid", "pgrp":
		return column{name, strings.ToUpper(name), 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.st.Pgrp) }}, true
	case "sid", "sess", "session":
		h := "SID"
		if name == "sess" {
			h = "SESS"
		}
		return column{name, h, 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.st.Session) }}, true
	case "tpgid":
		return column{name, "TPGID", 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.st.Tpgid) }}, true
	case "tty", "tt", "tname":
		h := "TT"
		if name == "tname" {
			h = "TTY"
		}
		return column{name, h, 8, false, func(c *ctx, p *task) string { return proc.TtyName(p.st.TtyNr) }}, true
	case "stat":
		return column{name, "STAT", 4, false, statFlags}, true
	case "s", "state":
		return column{name, "S", 1, false, func(c *ctx, p *task) string { return string(p.st.State) }}, true
	case "user", "uname", "euser":
		h := "USER"
		if name == "euser" {
			h = "EUSER"
		}
		return column{name, h, 8, false, func(c *ctx, p *task) string { return c.userName(p.ids("Uid")[1]) }}, true
	case "ruser":
		return column{name, "RUSER", 8, false, func(c *ctx, p *task) string { return c.userName(p.ids("Uid")[0]) }}, true
	case "uid", "euid":
		return column{name, strings.ToUpper(name), 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.ids("Uid")[1]) }}, true
	case "ruid":
		return column{name, "RUID", 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.ids("Uid")[0]) }}, true
	case "gid", "egid":
		return column{name, strings.ToUpper(name), 5, true, func(c *ctx, p *task) string { return strconv.Itoa(p.ids("Gid")[1]) }}, true
	case "group", "egroup":
		return column{name, strings.ToUpper(name), 8, false, func(c *ctx, p *task) string { return c.groupName(p.ids("Gid")[1]) }}, true
	case "comm", "ucmd", "ucomm":
		h := "COMMAND"
		if name == "ucmd" {
			h = "CMD"
		}
		return column{name, h, 15, false, func(c *ctx, p *task) string { return c.forestPrefix(p) + printable(p.st.Comm) }}, true
	case "args", "cmd", "command":
		h := "COMMAND"
		if name == "cmd" {
			h = "CMD"
		}
		return column{name, h, 27, false, func(c *ctx, p *task) string { return c.forestPrefix(p) + p.args() }}, true
	case "etime":
		return column{name, "ELAPSED", 11, true, func(c *ctx, p *task) string { return etime(c.elapsed(p)) }}, true
	case "etimes":
		return column{name, "ELAPSED", 7, true, func(c *ctx, p *task) string { return strconv.FormatInt(int64(c.elapsed(p)), 10) }}, true
	case "time", "cputime":
		return column{name, "TIME", 8, true, func(c *ctx, p *task) string { return cputime(p.cpuSeconds()) }}, true
	case "bsdtime":
		return column{name, "TIME", 6, true, func(c *ctx, p *task) string {
			s := p.cpuSeconds()
			return fmt.Sprintf("%d:%02d", s/60, s%60)
		}}, true
	case "rss", "rssize", "rsz":
		return column{name, strings.ToUpper(name), 5, true, func(c *ctx, p *task) string { return strconv.FormatInt(p.rssKB(c), 10) }}, true
	case "vsz", "vsize":
		return column{name, strings.ToUpper(name), 6, true, func(c *ctx, p *task) string { return strconv.FormatUint(p.st.Vsize/1024, 10) }}, true
	case "sz":
		return column{name, "SZ", 5, true, func(c *ctx, p *task) string {
			return strconv.FormatUint(p.st.Vsize/uint64(c.pageKB*1024), 10)
		}}, true
	case "nlwp", "thcount":
		return column{name, strings.ToUpper(name), 4, true, func(c *ctx, p *task) string { return strconv.Itoa(p.st.NumThreads) }}, true
	case "ni", "nice":
		return column{name, "NI", 3, true, func(c *ctx, p *task) string {
			if p.st.Policy != 0 && p.st.Policy != 3 { // real-time, idle, deadline: no nice value
				return "-"
			}
			return strconv.FormatInt(p.st.Nice, 10)
		}}, true
	case "cls", "class", "policy":
		header := "CLS"
		if name == "policy" {
			header = "POL"
		}
		return column{name, header, 3, name == "cls", func(c *ctx, p *task) string {
			classes := [...]string{"TS", "FF", "RR", "B", "ISO", "IDL", "DLN"}
			if p.st.Policy < uint64(len(classes)) {
				return classes[p.st.Policy]
			}
			return "?"
		}}, true
	case "rtprio":
		return column{name, "RTPRIO", 6, true, func(c *ctx, p *task) string {
			switch p.st.Policy {
			case 0, 6: // normal and deadline scheduling have no real-time priority
				return "-"
			}
			return strconv.FormatUint(p.st.RtPriority, 10)
		}}, true
	case "pri":
		return column{name, "PRI", 3, true, func(c *ctx, p *task) string { return strconv.FormatInt(39-p.st.Priority, 10) }}, true
	case "priority":
		return column{name, "PRI", 3, true, func(c *ctx, p *task) string { return strconv.FormatInt(p.st.Priority, 10) }}, true
	case "opri":
		return column{name, "PRI", 3, true, func(c *ctx, p *task) string { return strconv.FormatInt(p.st.Priority+60, 10) }}, true
	case "wchan":
		return column{name, "WCHAN", 6, false, func(c *ctx, p *task) string {
			w := proc.Wchan(p.pid, p.threadTid())
			if w == "" || w == "0" || p.st.State == 'R' {
				return "-"
			}
			// procps drops the leading underscores of kernel symbols:
			// __do_sys_pause is shown as do_sys_pause.
			if t := strings.TrimLeft(w, "_"); t != "" {
				return t
			}
			return w
		}}, true
	case "c":
		return column{name, "C", 2, true, func(c *ctx, p *task) string { return strconv.Itoa(min(99, c.pcpu(p)/10)) }}, true
	case "pcpu", "%cpu":
		return column{name, "%CPU", 4, true, func(c *ctx, p *task) string { v := c.pcpu(p); return fmt.Sprintf("%d.%d", v/10, v%10) }}, true
	case "pmem", "%mem":
		return column{name, "%MEM", 4, true, func(c *ctx, p *task) string { v := c.pmem(p); return fmt.Sprintf("%d.%d", v/10, v%10) }}, true
	case "stime", "start_time":
		h := "STIME"
		if name == "start_time" {
			h = "START"
		}
		return column{name, h, 5, false, func(c *ctx, p *task) string { return c.startShort(p) }}, true
	case "start":
		return column{name, "STARTED", 8, true, func(c *ctx, p *task) string {
			t := c.started(p)
			if c.now.Sub(t) < 24*time.Hour {
				return t.Format("15:04:05")
			}
			return t.Format("Jan 02")
		}}, true
	case "lstart":
		return column{name, "STARTED", 24, true, func(c *ctx, p *task) string { return c.started(p).Format("Mon Jan _2 15:04:05 2006") }}, true
	case "f", "flag", "flags":
		return column{name, "F", 1, true, func(c *ctx, p *task) string { return strconv.FormatUint((p.st.Flags>>6)&7, 10) }}, true
	case "addr_1": // -l's ADDR: one column wide, so SZ moves left
		return column{name, "ADDR", 1, false, func(c *ctx, p *task) string { return "-" }}, true
	case "addr":
		return column{name, "ADDR", 4, true, func(c *ctx, p *task) string { return "-" }}, true
	case "psr":
		return column{name, "PSR", 3, true, func(c *ctx, p *task) string { return strconv.Itoa(p.st.Processor) }}, true
	}
	return column{}, false
}

// statFlags is the STAT column: the state letter and BSD's flags.
func statFlags(c *ctx, p *task) string {
	s := []byte{p.st.State}
	switch {
	case p.st.Nice < 0:
		s = append(s, '<')
	case p.st.Nice > 0:
		s = append(s, 'N')
	}
	if p.status() != nil && p.status().KB("VmLck") > 0 {
		s = append(s, 'L')
	}
	if p.st.Session == p.pid {
		s = append(s, 's')
	}
	if p.st.NumThreads > 1 {
		s = append(s, 'l')
	}
	if p.st.Tpgid != -1 && p.st.Pgrp == p.st.Tpgid {
		s = append(s, '+')
	}
	return string(s)
}

// etime formats elapsed seconds as [[DD-]hh:]mm:ss.
func etime(s int) string {
	d, h, m, sec := s/86400, s/3600%24, s/60%60, s%60
	switch {
	case d > 0:
		return fmt.Sprintf("%d-%02d:%02d:%02d", d, h, m, sec)
	case h > 0:
		return fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d", m, sec)
}

// cputime formats CPU seconds as [DD-]hh:mm:ss.
func cputime(s int) string {
	d, h, m, sec := s/86400, s/3600%24, s/60%60, s%60
	if d > 0 {
		return fmt.Sprintf("%d-%02d:%02d:%02d", d, h, m, sec)
	}
	return fmt.Sprintf("%02d:%02d:%02d", h, m, sec)
}

// printable replaces control characters as procps does, with '?'.
func printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return '?'
		}
		return r
	}, s)
}

// task is one process (or one thread with -L/-T) being displayed.
type task struct {
	pid, tid int // tid == pid for a process
	thread   bool
	st       *proc.Stat
	stat     *proc.Status
	statRead bool
	argv     []string
	argvRead bool
	children []*task
	depth    int
	last     []bool // for each ancestor level: was it the last child (forest)
}

func (p *task) threadTid() int {
	if p.thread {
		return p.tid
	}
	return 0
}

func (p *task) status() *proc.Status {
	if !p.statRead {
		p.statRead = true
		p.stat, _ = proc.ReadStatus(p.pid, p.threadTid())
	}
	return p.stat
}

// gone reports whether the process exited while ps was reading it (its
// status could not be read and its /proc directory is no more).
func (p *task) gone() bool {
	if !p.statRead || p.stat != nil {
		return false
	}
	_, err := os.Stat("/proc/" + strconv.Itoa(p.pid))
	return err != nil
}

// ids returns the Uid or Gid line of status; when status cannot be read,
// the owner of /proc/PID (the process's effective ids) stands in.
func (p *task) ids(key string) [4]int {
	if s := p.status(); s != nil {
		return s.IDs(key)
	}
	var st syscall.Stat_t
	if syscall.Stat("/proc/"+strconv.Itoa(p.pid), &st) != nil {
		return [4]int{-1, -1, -1, -1}
	}
	id := int(st.Uid)
	if key == "Gid" {
		id = int(st.Gid)
	}
	return [4]int{id, id, id, id}
}

func (p *task) cmdline() []string {
	if !p.argvRead {
		p.argvRead = true
		p.argv, _ = proc.Cmdline(p.pid)
	}
	return p.argv
}

// args is the command line, "[comm]" for processes without one (kernel
// threads), with " <defunct>" for zombies.
func (p *task) args() string {
	argv := p.cmdline()
	var s string
	if len(argv) == 0 {
		s = "[" + p.st.Comm + "]"
	} else {
		s = strings.Join(argv, " ")
	}
	if p.st.State == 'Z' {
		s += " <defunct>"
	}
	return printable(s)
}

// rssKB is the resident set size as status's VmRSS gives it (stat's rss
// field lags behind: it is summed from per-CPU counters lazily).
func (p *task) rssKB(c *ctx) int64 {
	if s := p.status(); s != nil {
		if v := s.Get("VmRSS"); v != "" {
			return s.KB("VmRSS")
		}
		return 0
	}
	return p.st.Rss * int64(c.pageKB)
}

func (p *task) cpuSeconds() int { return int((p.st.Utime + p.st.Stime) / proc.ClockTicks) }

// ctx is what every row needs: the clock, boot time, the user database.
type ctx struct {
	now     time.Time
	uptime  float64
	boot    time.Time
	memKB   int64
	pageKB  int
	users   func(uint32) (string, bool)
	groups  func(uint32) (string, bool)
	forest  bool
	hier    bool
	indents bool
}

func (c *ctx) userName(uid int) string {
	if n, ok := c.users(uint32(uid)); ok {
		return n
	}
	return strconv.Itoa(uid)
}

func (c *ctx) groupName(gid int) string {
	if n, ok := c.groups(uint32(gid)); ok {
		return n
	}
	return strconv.Itoa(gid)
}

func (c *ctx) elapsed(p *task) int {
	e := c.uptime - float64(p.st.StartTime)/proc.ClockTicks
	if e < 0 {
		return 0
	}
	return int(e)
}

func (c *ctx) started(p *task) time.Time {
	return c.boot.Add(time.Duration(p.st.StartTime) * time.Second / proc.ClockTicks)
}

// startShort is STIME/START: the time today, the date this year, else the year.
func (c *ctx) startShort(p *task) string {
	t := c.started(p)
	switch {
	case c.now.Sub(t) < 24*time.Hour:
		return t.Format("15:04")
	case c.now.Year() == t.Year():
		return t.Format("Jan02")
	}
	return t.Format("2006")
}

// pcpu is CPU use in tenths of a percent of the process's lifetime.
func (c *ctx) pcpu(p *task) int {
	secs := c.uptime - float64(p.st.StartTime)/proc.ClockTicks
	if secs <= 0 {
		return 0
	}
	v := int(float64(p.st.Utime+p.st.Stime) * 1000 / proc.ClockTicks / secs)
	return min(v, 999)
}

// pmem is resident memory in tenths of a percent of MemTotal.
func (c *ctx) pmem(p *task) int {
	if c.memKB <= 0 {
		return 0
	}
	return int(p.rssKB(c) * 1000 / c.memKB)
}

// forestPrefix is the ASCII-art tree of --forest (" \_ ", " |   \_ ")
// or the two-space indent of -H.
func (c *ctx) forestPrefix(p *task) string {
	if p.depth == 0 || (!c.forest && !c.hier) {
		return ""
	}
	if c.hier {
		return strings.Repeat("  ", p.depth) + forestMark
	}
	var b strings.Builder
	for i := 1; i < p.depth; i++ {
		if p.last[i] {
			b.WriteString("    ")
		} else {
			b.WriteString(" |  ")
		}
	}
	b.WriteString(" \\_ ")
	b.WriteString(forestMark)
	return b.String()
}

func pageKB() int { return os.Getpagesize() / 1024 }
