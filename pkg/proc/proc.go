// Package proc reads the kernel's view of processes from /proc: the files
// ps, pgrep, pmap, free and uptime are built on (the zine's /proc page).
//
// Processes come and go while we read: a directory listed a moment ago may
// be gone by the time its stat file is opened, and a read of a half-dead
// process may fail with ESRCH. Such errors are reported as ErrGone (test
// with Gone) so callers skip the process instead of failing.
package proc

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

// Root is where procfs is mounted.
const Root = "/proc"

// ClockTicks is USER_HZ, the unit of the times in /proc/PID/stat. It is
// 100 on every Linux architecture as seen from user space.
const ClockTicks = 100

// ErrGone says the process exited while we were reading it.
var ErrGone = errors.New("process vanished")

// Gone reports whether err means the process is no longer there.
func Gone(err error) bool {
	return errors.Is(err, ErrGone) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ESRCH)
}

// readFile reads a /proc file, folding "it vanished" errors into ErrGone.
func readFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ESRCH)) {
		return nil, fmt.Errorf("%s: %w", path, ErrGone)
	}
	return b, err
}

// Pids lists the processes (thread group leaders), in increasing order.
func Pids() ([]int, error) { return numericDir(Root) }

// Tasks lists the threads of process pid in the kernel's order: the
// leader first, then the thread group's list, oldest first (not sorted: a
// thread id can be lower than the leader's once pids wrap, and ps and
// pgrep -w print the kernel's order).
func Tasks(pid int) ([]int, error) {
	t, err := readNumericDir(fmt.Sprintf("%s/%d/task", Root, pid))
	if err != nil && errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("tasks of %d: %w", pid, ErrGone)
	}
	return t, err
}

func numericDir(dir string) ([]int, error) {
	pids, err := readNumericDir(dir)
	sort.Ints(pids)
	return pids, err
}

// readNumericDir lists the numeric names in dir in directory order.
func readNumericDir(dir string) ([]int, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	pids := make([]int, 0, len(names))
	for _, n := range names {
		if n[0] < '0' || n[0] > '9' {
			continue
		}
		if p, err := strconv.Atoi(n); err == nil {
			pids = append(pids, p)
		}
	}
	return pids, nil
}

// Stat is /proc/PID/stat (proc(5)), the fields the tools use.
type Stat struct {
	Pid        int
	Comm       string // the command name, up to 15 bytes, may contain spaces and ')'
	State      byte   // R S D Z T t X I ...
	PPid       int
	Pgrp       int
	Session    int
	TtyNr      int // device number of the controlling terminal, 0 for none
	Tpgid      int // foreground process group of that terminal, -1 for none
	Flags      uint64
	MinFlt     uint64
	MajFlt     uint64
	Utime      uint64 // clock ticks in user mode
	Stime      uint64 // clock ticks in kernel mode
	Priority   int64
	Nice       int64
	NumThreads int
	StartTime  uint64 // clock ticks after boot
	Vsize      uint64 // bytes
	Rss        int64  // pages
	RtPriority uint64
	Policy     uint64
	Processor  int
}

// ReadStat reads /proc/PID/stat, or /proc/PID/task/TID/stat when tid > 0.
func ReadStat(pid, tid int) (*Stat, error) {
	path := fmt.Sprintf("%s/%d/stat", Root, pid)
	if tid > 0 {
		path = fmt.Sprintf("%s/%d/task/%d/stat", Root, pid, tid)
	}
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	s, err := ParseStat(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// ParseStat parses the text of a stat file. The command name is between
// the first '(' and the LAST ')', since a program may name itself "a) b".
func ParseStat(b []byte) (*Stat, error) {
	open := bytes.IndexByte(b, '(')
	closing := bytes.LastIndexByte(b, ')')
	if open < 0 || closing < open {
		return nil, errors.New("malformed stat")
	}
	s := &Stat{Comm: string(b[open+1 : closing])}
	pid, err := strconv.Atoi(string(bytes.TrimSpace(b[:open])))
	if err != nil {
		return nil, errors.New("malformed stat: pid")
	}
	s.Pid = pid
	f := strings.Fields(string(b[closing+1:]))
	if len(f) < 37 {
		return nil, errors.New("malformed stat: too few fields")
	}
	// f[0] is field 3 (state) of proc(5).
	field := func(n int) string { return f[n-3] }
	s.State = field(3)[0]
	i := func(n int) int { v, _ := strconv.Atoi(field(n)); return v }
	u := func(n int) uint64 { v, _ := strconv.ParseUint(field(n), 10, 64); return v }
	d := func(n int) int64 { v, _ := strconv.ParseInt(field(n), 10, 64); return v }
	s.PPid, s.Pgrp, s.Session, s.TtyNr, s.Tpgid = i(4), i(5), i(6), i(7), i(8)
	s.Flags, s.MinFlt, s.MajFlt = u(9), u(10), u(12)
	s.Utime, s.Stime = u(14), u(15)
	s.Priority, s.Nice = d(18), d(19)
	s.NumThreads = i(20)
	s.StartTime, s.Vsize, s.Rss = u(22), u(23), d(24)
	if len(f) >= 41-2 {
		s.Processor = i(39)
		s.RtPriority, s.Policy = u(40), u(41)
	}
	return s, nil
}

// Status holds the lines of /proc/PID/status, in order, as "Key" -> value.
type Status struct {
	keys []string
	vals []string
}

// Get returns the value of key ("Name", "VmRSS"), trimmed.
func (s *Status) Get(key string) string {
	for i, k := range s.keys {
		if k == key {
			return s.vals[i]
		}
	}
	return ""
}

// IDs returns the four numbers of the Uid: or Gid: line: real, effective,
// saved set, filesystem.
func (s *Status) IDs(key string) [4]int {
	var ids [4]int
	for i, f := range strings.Fields(s.Get(key)) {
		if i < 4 {
			ids[i], _ = strconv.Atoi(f)
		}
	}
	return ids
}

// KB returns a "NNN kB" value of status in kB, 0 when absent.
func (s *Status) KB(key string) int64 {
	v, _ := strconv.ParseInt(strings.TrimSuffix(s.Get(key), " kB"), 10, 64)
	return v
}

// ReadStatus reads /proc/PID/status (of thread tid when tid > 0).
func ReadStatus(pid, tid int) (*Status, error) {
	path := fmt.Sprintf("%s/%d/status", Root, pid)
	if tid > 0 {
		path = fmt.Sprintf("%s/%d/task/%d/status", Root, pid, tid)
	}
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	st := &Status{}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			st.keys = append(st.keys, k)
			st.vals = append(st.vals, strings.TrimSpace(v))
		}
	}
	return st, nil
}

// Cmdline returns the argument vector of pid; empty for kernel threads and
// zombies.
func Cmdline(pid int) ([]string, error) {
	return nulList(fmt.Sprintf("%s/%d/cmdline", Root, pid))
}

// Environ returns the environment pid started with (needs permission).
func Environ(pid int) ([]string, error) {
	return nulList(fmt.Sprintf("%s/%d/environ", Root, pid))
}

func nulList(path string) ([]string, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) == 0 {
		return nil, nil
	}
	b = bytes.TrimSuffix(b, []byte{0})
	return strings.Split(string(b), "\x00"), nil
}

// Wchan returns the kernel function pid sleeps in, "" when running, "0"
// for none.
func Wchan(pid, tid int) string {
	path := fmt.Sprintf("%s/%d/wchan", Root, pid)
	if tid > 0 {
		path = fmt.Sprintf("%s/%d/task/%d/wchan", Root, pid, tid)
	}
	b, err := readFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}

// Exe returns the target of /proc/PID/exe.
func Exe(pid int) (string, error) {
	s, err := os.Readlink(fmt.Sprintf("%s/%d/exe", Root, pid))
	if err != nil && errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("exe of %d: %w", pid, ErrGone)
	}
	return s, err
}

// FD is one open file descriptor and what it points at.
type FD struct {
	Num    int
	Target string // "/etc/passwd", "pipe:[1234]", "socket:[5678]"
}

// FDs lists the open file descriptors of pid.
func FDs(pid int) ([]FD, error) {
	dir := fmt.Sprintf("%s/%d/fd", Root, pid)
	nums, err := numericDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", dir, ErrGone)
		}
		return nil, err
	}
	fds := make([]FD, 0, len(nums))
	for _, n := range nums {
		t, err := os.Readlink(filepath.Join(dir, strconv.Itoa(n)))
		if err != nil {
			continue // closed meanwhile
		}
		fds = append(fds, FD{n, t})
	}
	return fds, nil
}

// Mapping is one line of /proc/PID/maps, with the smaps counters (kB) when
// read through Smaps.
type Mapping struct {
	Start, End uint64
	Perms      string // "r-xp"
	Offset     uint64
	Dev        string // "fe:00"
	Inode      uint64
	Path       string // "/usr/lib/x86_64-linux-gnu/libc.so.6", "[heap]", "" for anonymous
	// From smaps:
	Size, Rss, Pss, SharedClean, SharedDirty, PrivateClean, PrivateDirty, Anonymous, Swap, Locked int64
}

// Maps reads /proc/PID/maps.
func Maps(pid int) ([]Mapping, error) { return readMaps(pid, "maps") }

// Smaps reads /proc/PID/smaps: the mappings with their memory counters.
func Smaps(pid int) ([]Mapping, error) { return readMaps(pid, "smaps") }

func readMaps(pid int, name string) ([]Mapping, error) {
	b, err := readFile(fmt.Sprintf("%s/%d/%s", Root, pid, name))
	if err != nil {
		return nil, err
	}
	var maps []Mapping
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" {
			continue
		}
		if m, ok := parseMapLine(line); ok {
			maps = append(maps, m)
			continue
		}
		if len(maps) == 0 {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		m := &maps[len(maps)-1]
		switch k {
		case "Size":
			m.Size = n
		case "Rss":
			m.Rss = n
		case "Pss":
			m.Pss = n
		case "Shared_Clean":
			m.SharedClean = n
		case "Shared_Dirty":
			m.SharedDirty = n
		case "Private_Clean":
			m.PrivateClean = n
		case "Private_Dirty":
			m.PrivateDirty = n
		case "Anonymous":
			m.Anonymous = n
		case "Swap":
			m.Swap = n
		case "Locked":
			m.Locked = n
		}
	}
	return maps, nil
}

// parseMapLine parses "start-end perms offset dev inode   path".
func parseMapLine(line string) (Mapping, bool) {
	var m Mapping
	f := strings.Fields(line)
	if len(f) < 5 {
		return m, false
	}
	start, end, ok := strings.Cut(f[0], "-")
	if !ok || len(f[1]) != 4 {
		return m, false
	}
	var err error
	if m.Start, err = strconv.ParseUint(start, 16, 64); err != nil {
		return m, false
	}
	if m.End, err = strconv.ParseUint(end, 16, 64); err != nil {
		return m, false
	}
	m.Perms = f[1]
	m.Offset, _ = strconv.ParseUint(f[2], 16, 64)
	m.Dev = f[3]
	m.Inode, _ = strconv.ParseUint(f[4], 10, 64)
	if len(f) > 5 {
		// The path is the rest of the line after the padding; it may
		// contain spaces.
		rest := line
		for i := 0; i < 5; i++ {
			rest = strings.TrimLeft(rest, " ")
			rest = rest[strings.IndexByte(rest, ' ')+1:]
		}
		m.Path = strings.TrimLeft(rest, " ")
	}
	return m, true
}

// Uptime returns the seconds since boot and the idle seconds summed over CPUs.
func Uptime() (up, idle float64, err error) {
	b, err := readFile(Root + "/uptime")
	if err != nil {
		return 0, 0, err
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, 0, errors.New("/proc/uptime: malformed")
	}
	up, _ = strconv.ParseFloat(f[0], 64)
	idle, _ = strconv.ParseFloat(f[1], 64)
	return up, idle, nil
}

// LoadAvg returns the 1, 5 and 15 minute load averages.
func LoadAvg() ([3]float64, error) {
	var l [3]float64
	b, err := readFile(Root + "/loadavg")
	if err != nil {
		return l, err
	}
	f := strings.Fields(string(b))
	for i := 0; i < 3 && i < len(f); i++ {
		l[i], _ = strconv.ParseFloat(f[i], 64)
	}
	return l, nil
}

// BootTime returns the boot time in seconds since the epoch (btime of
// /proc/stat).
func BootTime() (int64, error) {
	b, err := readFile(Root + "/stat")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "btime "); ok {
			return strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	return 0, errors.New("/proc/stat: no btime")
}

// MemInfo returns /proc/meminfo as a function from key to kB (0 and false
// when the kernel has no such line).
func MemInfo() (func(key string) (int64, bool), error) {
	b, err := readFile(Root + "/meminfo")
	if err != nil {
		return nil, err
	}
	text := string(b)
	return func(key string) (int64, bool) {
		for _, line := range strings.Split(text, "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && k == key {
				n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				return n, err == nil
			}
		}
		return 0, false
	}, nil
}

// TtyName names a tty_nr from stat: "pts/3", "tty1", "ttyS0", "console";
// "?" when there is none. The major numbers are those of the kernel's
// devices.txt.
func TtyName(ttyNr int) string {
	if ttyNr == 0 {
		return "?"
	}
	major := (ttyNr >> 8) & 0xfff
	minor := (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00)
	switch {
	case major >= 136 && major <= 143:
		return "pts/" + strconv.Itoa((major-136)*256+minor)
	case major == 4 && minor < 64:
		return "tty" + strconv.Itoa(minor)
	case major == 4:
		return "ttyS" + strconv.Itoa(minor-64)
	case major == 5 && minor == 0:
		return "tty"
	case major == 5 && minor == 1:
		return "console"
	case major == 5 && minor == 2:
		return "ptmx"
	case major == 204 && minor >= 64:
		return "ttyAMA" + strconv.Itoa(minor-64)
	case major == 229:
		return "hvc" + strconv.Itoa(minor)
	}
	// Unknown driver: look for a /dev node with that number.
	if name := devByNumber(uint64(major), uint64(minor)); name != "" {
		return name
	}
	return "?"
}

func devByNumber(major, minor uint64) string {
	for _, dir := range []string{"/dev", "/dev/pts"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if e.Type()&fs.ModeCharDevice == 0 {
				continue
			}
			var st syscall.Stat_t
			if syscall.Stat(filepath.Join(dir, e.Name()), &st) != nil {
				continue
			}
			maj := (st.Rdev >> 8) & 0xfff
			min := (st.Rdev & 0xff) | ((st.Rdev >> 12) & 0xfff00)
			if maj == major && min == minor {
				return strings.TrimPrefix(filepath.Join(dir, e.Name()), "/dev/")
			}
		}
	}
	return ""
}
