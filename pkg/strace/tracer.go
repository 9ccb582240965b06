package strace

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Options control what is traced and how it is shown.
type Options struct {
	Out       io.Writer // the trace (stderr or -o FILE)
	Messages  io.Writer // "strace: Process N attached" (stderr)
	OutIsFile bool      // -o: prefix lines with "PID " rather than "[pid N] "
	Follow    bool      // -f: trace children too
	StrSize   int       // -s: bytes of strings shown (default 32)
	// TimeLevel is how many -t were given when it is not 0: 1 the time
	// of day in seconds, 2 with microseconds (-tt), 3 seconds since the
	// epoch with microseconds.
	TimeLevel int
	Durations bool // -T: time spent in each call
	Summary   bool // -c: count instead of printing
	Quiet     bool // -q: no attach/detach messages
	QuietExit bool // -qq: no "+++ exited with N +++" either (deaths by a signal stay)
	DecodeFDs bool // -y: show the file behind each descriptor: 3</etc/hostname>
	// Trace says whether to show system call nr (nil: all).
	Trace func(nr int) bool
	// ShowSignal says whether to show signal sig (nil: all).
	ShowSignal func(sig int) bool
}

// Filter builds the Trace function of -e trace=SET: names, classes
// (file, %file, desc, network, process, signal, ipc, memory), all, none,
// with a leading ! to negate.
func Filter(set string) (func(nr int) bool, error) {
	return Set(set, len(table), func(item string, want []bool) error {
		switch item = strings.TrimPrefix(item, "%"); item {
		case "all":
			for i := range want {
				want[i] = true
			}
			return nil
		case "none", "":
			return nil
		}
		if c, ok := classByName(item); ok {
			for i := range table {
				if table[i].class&c != 0 {
					want[i] = true
				}
			}
			return nil
		}
		nr, ok := LookupSyscall(item)
		if !ok {
			return fmt.Errorf("invalid system call '%s'", item)
		}
		want[nr] = true
		return nil
	})
}

// Set parses strace's SET syntax, which -e trace= and -e signal= share:
// a comma-separated list of items, "all" and "none" among them, the whole
// negated by a leading '!'. The result says whether number i (0 <= i < n)
// is in the set; mark records in want what one other item names, or says
// why it is invalid.
func Set(set string, n int, mark func(item string, want []bool) error) (func(int) bool, error) {
	neg := strings.HasPrefix(set, "!")
	set = strings.TrimPrefix(set, "!")
	want := make([]bool, n)
	for _, item := range strings.Split(set, ",") {
		switch item {
		case "all":
			for i := range want {
				want[i] = true
			}
			continue
		case "none", "":
			continue
		}
		if err := mark(item, want); err != nil {
			return nil, err
		}
	}
	return func(i int) bool {
		if i < 0 || i >= len(want) {
			return neg
		}
		return want[i] != neg
	}, nil
}

// proc is one traced thread.
type proc struct {
	pid       int
	inSyscall bool
	hidden    bool // this call is filtered out
	nr        uint64
	args      [6]uint64
	rsp       uint64
	split     int // index of the first argument shown at exit
	start     time.Time
	stime     time.Duration // -c: the tracee's system time at entry
	inLen     int64         // a length the call reads and rewrites (recvfrom's addrlen), at entry; -1 for none
	fresh     bool          // attached, waiting for its first stop
}

type count struct {
	calls, errors int
	time          time.Duration
}

// Tracer traces processes and writes what they do.
type Tracer struct {
	opt    Options
	w      *bufio.Writer
	procs  map[int]*proc
	open   int // pid whose line is written up to its entry, or 0
	col    int // columns written on the current line
	multi  bool
	counts []count
	mu     sync.Mutex // guards procs against Attach's stopper goroutine
	stop   <-chan struct{}
	// stime is the system time of the process of the last stop, from
	// wait4's rusage: -c adds up system time per call, as strace does
	// by default (not the wall clock, which ptrace stops inflate).
	stime time.Duration
}

// New returns a tracer with options opt.
func New(opt Options) *Tracer {
	if opt.StrSize <= 0 {
		opt.StrSize = 32
	}
	if opt.Messages == nil {
		opt.Messages = io.Discard
	}
	return &Tracer{opt: opt, w: bufio.NewWriterSize(opt.Out, 64<<10), procs: map[int]*proc{}, counts: make([]count, len(table))}
}

// ExitStatus is how the first traced process ended.
type ExitStatus struct {
	Code   int
	Signal syscall.Signal // non-zero when it was killed
}

// Run starts argv[0] (path) traced and traces it, and its children with
// Follow, until they all exit.
func (t *Tracer) Run(path string, argv, env []string, dir string) (ExitStatus, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// PTRACE_TRACEME happens in the child just before execve, so the
	// first stop is the SIGTRAP after a successful exec.
	pid, err := syscall.ForkExec(path, argv, &syscall.ProcAttr{
		Dir: dir, Env: env, Files: []uintptr{0, 1, 2},
		Sys: &syscall.SysProcAttr{Ptrace: true},
	})
	if err != nil {
		return ExitStatus{}, err
	}
	var ws unix.WaitStatus
	if _, err := unix.Wait4(pid, &ws, unix.WALL, nil); err != nil {
		return ExitStatus{}, err
	}
	if !ws.Stopped() {
		return ExitStatus{Code: ws.ExitStatus()}, nil
	}
	if err := unix.PtraceSetOptions(pid, t.ptraceOptions()); err != nil {
		return ExitStatus{}, fmt.Errorf("PTRACE_SETOPTIONS: %w", err)
	}
	if _, err := getRegs(pid); err != nil {
		unix.Kill(pid, unix.SIGKILL)
		unix.Wait4(pid, &ws, unix.WALL, nil)
		return ExitStatus{}, err
	}
	p := &proc{pid: pid}
	t.procs[pid] = p
	// The execve that started the program already happened; show it as
	// strace does, with the new stack's envp as the address.
	if t.shows(59) {
		envp := "NULL"
		if r, err := getRegs(pid); err == nil {
			envp = hex(r.sp + 8 + 8*uint64(len(argv)+1))
		}
		line := "execve(" + quote([]byte(path), false) + ", " + t.strArray(argv) + ", " + envp + " /* " + strconv.Itoa(len(env)) + " vars */"
		if t.opt.Summary {
			t.counts[59].calls++
		} else {
			t.startLine(p)
			t.write(line + ")")
			t.finish(p, "0", 0)
		}
	}
	return t.loop(pid, unix.PtraceSyscall(pid, 0))
}

// Attach traces the running processes pids (and all their threads when
// Follow) until they exit or stop is closed.
func (t *Tracer) Attach(pids []int, stop <-chan struct{}) (ExitStatus, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for _, pid := range pids {
		tids := []int{pid}
		if t.opt.Follow {
			if ents, err := os.ReadDir("/proc/" + strconv.Itoa(pid) + "/task"); err == nil {
				tids = tids[:0]
				for _, e := range ents {
					if n, err := strconv.Atoi(e.Name()); err == nil {
						tids = append(tids, n)
					}
				}
			}
		}
		for _, tid := range tids {
			if err := unix.PtraceAttach(tid); err != nil {
				return ExitStatus{}, fmt.Errorf("attach: ptrace(PTRACE_ATTACH, %d): %w", tid, err)
			}
			t.procs[tid] = &proc{pid: tid, fresh: true}
			if !t.opt.Quiet {
				t.message("strace: Process %d attached\n", tid)
			}
		}
	}
	if len(t.procs) > 1 {
		t.multi = true
	}
	go func() {
		<-stop
		// Make every tracee stop so that the loop can detach it.
		for pid := range t.procsSnapshot() {
			unix.Tgkill(pid, pid, unix.SIGSTOP)
		}
	}()
	t.stop = stop
	return t.loop(pids[0], nil)
}

func (t *Tracer) procsSnapshot() map[int]bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	m := map[int]bool{}
	for pid := range t.procs {
		m[pid] = true
	}
	return m
}

func (t *Tracer) ptraceOptions() int {
	// TRACEEXIT: a thread that dies inside a call (another thread called
	// exit_group, or a signal killed it) stops once more; strace ends its
	// line there with "= ?", before any process is reaped.
	o := unix.PTRACE_O_TRACESYSGOOD | unix.PTRACE_O_TRACEEXEC | unix.PTRACE_O_EXITKILL | unix.PTRACE_O_TRACEEXIT
	if t.opt.Follow {
		o |= unix.PTRACE_O_TRACECLONE | unix.PTRACE_O_TRACEFORK | unix.PTRACE_O_TRACEVFORK
	}
	return o
}

func (t *Tracer) shows(nr int) bool { return t.opt.Trace == nil || t.opt.Trace(nr) }

// loop waits for tracee stops and handles them until no tracee is left.
func (t *Tracer) loop(main int, startErr error) (ExitStatus, error) {
	defer t.w.Flush()
	if startErr != nil {
		return ExitStatus{}, startErr
	}
	var status ExitStatus
	for len(t.procs) > 0 {
		var ws unix.WaitStatus
		var ru unix.Rusage
		var rup *unix.Rusage
		if t.opt.Summary {
			rup = &ru
		}
		pid, err := unix.Wait4(-1, &ws, unix.WALL, rup)
		t.stime = time.Duration(ru.Stime.Nano())
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			break
		}
		p := t.procs[pid]
		if p == nil {
			// A new child can report its first stop before its parent
			// reports the fork event.
			t.mu.Lock()
			p = &proc{pid: pid, fresh: true}
			t.procs[pid] = p
			t.mu.Unlock()
			t.multi = true
			if !t.opt.Quiet {
				t.message("strace: Process %d attached\n", pid)
			}
		}
		switch {
		case ws.Exited() || ws.Signaled():
			// Its exit event normally ended an unfinished line; without
			// one, what the call returned is unavailable.
			t.endUnfinished(p, " = ? <unavailable>\n")
			t.breakLine()
			// -e signal=SET hides the death by a signal left out too.
			if !t.opt.Summary && ((ws.Exited() && !t.opt.QuietExit) || (ws.Signaled() && t.showSignal(int(ws.Signal())))) {
				t.startLine(p)
				if ws.Exited() {
					t.write("+++ exited with " + strconv.Itoa(ws.ExitStatus()) + " +++\n")
				} else {
					core := ""
					if ws.CoreDump() {
						core = " (core dumped)"
					}
					t.write("+++ killed by " + signalName(uint64(ws.Signal())) + core + " +++\n")
				}
				t.col = 0
			}
			if pid == main {
				status = ExitStatus{Code: ws.ExitStatus()}
				if ws.Signaled() {
					status = ExitStatus{Signal: ws.Signal()}
				}
			}
			t.mu.Lock()
			delete(t.procs, pid)
			t.mu.Unlock()
			continue
		case !ws.Stopped():
			continue
		}
		sig := ws.StopSignal()
		if t.stop != nil && t.stopped() {
			// -p and we were interrupted: let go of this tracee.
			if sig == unix.SIGSTOP || sig == unix.SIGTRAP|0x80 {
				sig = 0
			}
			unix.PtraceDetach(pid)
			if !t.opt.Quiet {
				t.message("strace: Process %d detached\n", pid)
			}
			t.mu.Lock()
			delete(t.procs, pid)
			t.mu.Unlock()
			continue
		}
		switch {
		case sig == unix.SIGTRAP|0x80:
			t.syscallStop(p)
			unix.PtraceSyscall(pid, 0)
		case sig == unix.SIGTRAP && ws.TrapCause() == unix.PTRACE_EVENT_EXIT:
			t.endUnfinished(p, " = ?\n")
			unix.PtraceSyscall(pid, 0)
		case sig == unix.SIGTRAP && ws.TrapCause() > 0:
			if c := ws.TrapCause(); c == unix.PTRACE_EVENT_FORK || c == unix.PTRACE_EVENT_VFORK || c == unix.PTRACE_EVENT_CLONE {
				t.multi = true
			}
			unix.PtraceSyscall(pid, 0)
		case p.fresh && sig == unix.SIGSTOP:
			p.fresh = false
			unix.PtraceSetOptions(pid, t.ptraceOptions())
			unix.PtraceSyscall(pid, 0)
		default:
			info, err := siginfo(pid)
			if err != nil {
				// A group-stop: the process is stopped by sig.
				if t.showSignal(int(sig)) && !t.opt.Summary {
					t.breakLine()
					t.startLine(p)
					t.write("--- stopped by " + signalName(uint64(sig)) + " ---\n")
					t.col = 0
				}
				unix.PtraceSyscall(pid, 0)
				continue
			}
			if t.showSignal(int(sig)) && !t.opt.Summary {
				t.breakLine()
				t.startLine(p)
				t.write("--- " + signalName(uint64(sig)) + " " + info + " ---\n")
				t.col = 0
			}
			unix.PtraceSyscall(pid, int(sig))
		}
	}
	if t.opt.Summary {
		t.summary()
	}
	return status, nil
}

func (t *Tracer) stopped() bool {
	select {
	case <-t.stop:
		return true
	default:
		return false
	}
}

func (t *Tracer) showSignal(sig int) bool { return t.opt.ShowSignal == nil || t.opt.ShowSignal(sig) }

func (t *Tracer) message(format string, args ...any) {
	t.w.Flush()
	fmt.Fprintf(t.opt.Messages, format, args...)
}

// startLine writes the prefix of a line: [pid N] or PID, and -tt's clock.
func (t *Tracer) startLine(p *proc) {
	t.col = 0
	// With -o and -f every line names its process; on stderr only while
	// more than one process is traced.
	if t.opt.Follow && (t.opt.OutIsFile || len(t.procs) > 1) {
		if t.opt.OutIsFile {
			t.write(fmt.Sprintf("%-5d ", p.pid))
		} else {
			t.write(fmt.Sprintf("[pid %5d] ", p.pid))
		}
	}
	if t.opt.TimeLevel == 0 {
		return
	}
	switch now := time.Now(); {
	case t.opt.TimeLevel == 1:
		t.write(now.Format("15:04:05") + " ")
	case t.opt.TimeLevel == 2:
		t.write(now.Format("15:04:05.000000") + " ")
	default:
		t.write(fmt.Sprintf("%d.%06d ", now.Unix(), now.Nanosecond()/1000))
	}
}

func (t *Tracer) write(s string) {
	t.w.WriteString(s)
	t.col += len(s)
}

// breakLine ends a line left open at a system call's entry, as strace does
// when something else must be printed first.
func (t *Tracer) breakLine() {
	if t.open != 0 {
		t.write(" <unfinished ...>\n")
		t.open = 0
		t.col = 0
	}
}

// pad aligns " = result" at column 40.
func (t *Tracer) pad() {
	if t.col < 39 {
		t.write(strings.Repeat(" ", 39-t.col))
	}
}

// endUnfinished ends the line of a process that dies inside a system
// call (other than exit, whose "= ?" is already written) with end.
func (t *Tracer) endUnfinished(p *proc, end string) {
	if !p.inSyscall || p.hidden || t.opt.Summary || p.nr == 60 || p.nr == 231 {
		return
	}
	if t.open != p.pid {
		t.breakLine()
		t.startLine(p)
		t.write("<... " + SyscallName(p.nr) + " resumed>")
	}
	// Arguments still to be shown at exit never will be.
	if si, ok := info(p.nr); ok && p.split < nargsOf(p, si) {
		t.write(" <unfinished ...>")
	}
	t.write(")")
	t.pad()
	t.write(end)
	t.open = 0
	t.col = 0
	p.inSyscall = false
}

// syscallStop handles a system call entry or exit of p.
func (t *Tracer) syscallStop(p *proc) {
	regs, err := getRegs(p.pid)
	if err != nil {
		return
	}
	if !p.inSyscall {
		p.inSyscall = true
		p.nr = regs.nr
		p.args = regs.args
		p.rsp = regs.sp
		p.hidden = !t.shows(int(p.nr))
		if p.hidden {
			return
		}
		if t.opt.Summary {
			p.stime = t.stime
			return
		}
		t.breakLine()
		t.startLine(p)
		t.write(SyscallName(p.nr) + "(" + t.entryArgs(p))
		t.open = p.pid
		if !t.opt.OutIsFile {
			// On a terminal, show the call as it starts, as strace does:
			// the program's own output then lands inside the line.
			t.w.Flush()
		}
		if t.opt.Durations {
			p.start = time.Now()
		}
		if p.nr == 60 || p.nr == 231 { // exit, exit_group: no return
			t.write(")")
			t.pad()
			t.write(" = ?\n")
			t.open = 0
			t.col = 0
		}
		return
	}
	p.inSyscall = false
	if p.hidden {
		return
	}
	ret := regs.ret
	var dur time.Duration
	switch {
	case t.opt.Summary:
		dur = max(0, t.stime-p.stime)
	case t.opt.Durations:
		dur = time.Since(p.start)
	}
	if t.opt.Summary {
		if int(p.nr) < len(t.counts) {
			c := &t.counts[p.nr]
			c.calls++
			c.time += dur
			if int64(ret) < 0 && int64(ret) >= -4095 {
				c.errors++
			}
		}
		return
	}
	if t.open != p.pid {
		// Resumed after another line: "<... read resumed>".
		t.breakLine()
		t.startLine(p)
		t.write("<... " + SyscallName(p.nr) + " resumed>")
	}
	t.write(t.exitArgs(p, ret) + ")")
	t.finish(p, t.result(p, ret), dur)
}

// finish writes " = result" aligned, the duration with -T, and ends the line.
func (t *Tracer) finish(p *proc, result string, dur time.Duration) {
	if !strings.HasSuffix(result, "\n") {
		t.pad()
	}
	t.write(" = " + result)
	if t.opt.Durations {
		t.write(fmt.Sprintf(" <%d.%06d>", int64(dur/time.Second), int64(dur%time.Second/time.Microsecond)))
	}
	t.write("\n")
	t.open = 0
	t.col = 0
	if !t.opt.OutIsFile {
		t.w.Flush()
	}
}

// result formats the return value: a number, an address, or -1 ERRNO.
func (t *Tracer) result(p *proc, ret uint64) string {
	if int64(ret) < 0 && int64(ret) >= -4095 {
		e := uint64(-int64(ret))
		if e >= 512 && e <= 516 {
			return "? " + errorString(e)
		}
		return "-1 " + errorString(e)
	}
	si, ok := info(p.nr)
	if !ok {
		return strconv.FormatInt(int64(ret), 10)
	}
	switch si.ret {
	case rHex:
		return hex(ret)
	case rOctal:
		return octal(ret)
	}
	if (p.nr == 7 || p.nr == 271) && ret > 0 { // poll, ppoll: which descriptors are ready
		return strconv.FormatInt(int64(ret), 10) + " (" + t.pollfds(p.pid, p.args[0], int(p.args[1]), true) + ")"
	}
	if p.nr == 7 && ret == 0 || p.nr == 271 && ret == 0 {
		return "0 (Timeout)"
	}
	if r, ok := t.specialResult(p, ret); ok {
		return r
	}
	if t.opt.DecodeFDs && returnsFD(p) {
		return strconv.FormatInt(int64(ret), 10) + t.fdPath(p.pid, int(ret))
	}
	if p.nr == 72 { // fcntl F_GETFL / F_GETFD give flags
		switch p.args[1] {
		case 3:
			return hex(ret) + " (flags " + openFlagsString(ret) + ")"
		case 1:
			if ret == 1 {
				return "0x1 (flags FD_CLOEXEC)"
			}
		}
	}
	return strconv.FormatInt(int64(ret), 10)
}

// summary writes -c's table: calls sorted by time spent, most first.
func (t *Tracer) summary() {
	var nrs []int
	var total time.Duration
	calls, errs := 0, 0
	for nr, c := range t.counts {
		if c.calls > 0 {
			nrs = append(nrs, nr)
			total += c.time
			calls += c.calls
			errs += c.errors
		}
	}
	sort.SliceStable(nrs, func(i, j int) bool { return t.counts[nrs[i]].time > t.counts[nrs[j]].time })
	line := "------ ----------- ----------- --------- --------- ----------------\n"
	t.w.WriteString("% time     seconds  usecs/call     calls    errors syscall\n" + line)
	row := func(d time.Duration, n, e int, name string) {
		pct := 0.0
		if total > 0 {
			pct = 100 * float64(d) / float64(total)
		}
		per := int64(0)
		if n > 0 {
			per = d.Microseconds() / int64(n)
		}
		es := ""
		if e > 0 {
			es = strconv.Itoa(e)
		}
		fmt.Fprintf(t.w, "%6.2f %11.6f %11d %9d %9s %s\n", pct, d.Seconds(), per, n, es, name)
	}
	for _, nr := range nrs {
		c := t.counts[nr]
		row(c.time, c.calls, c.errors, SyscallName(uint64(nr)))
	}
	t.w.WriteString(line)
	if total > 0 {
		row(total, calls, errs, "total")
	} else {
		fmt.Fprintf(t.w, "%6.2f %11.6f %11d %9d %9s %s\n", 100.0, 0.0, 0, calls, map[bool]string{true: strconv.Itoa(errs), false: ""}[errs > 0], "total")
	}
}
