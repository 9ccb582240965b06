package strace

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/cmds/uname"
	"github.com/zinebox/zinebox/pkg/applet"
	ptyfix "github.com/zinebox/zinebox/pkg/fixture"
)

// The test binary doubles as our strace, and as the uname applet (a
// program of ours to trace), when asked through the environment.
func TestMain(m *testing.M) {
	switch os.Getenv("ZB_APPLET_UNDER_TEST") {
	case "strace":
		os.Exit(applet.RunProcess(&Applet, "strace", os.Args[1:], nil))
	case "uname":
		os.Exit(applet.RunProcess(&uname.Applet, "uname", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

// fixture compiles testdata/NAME.c into a temporary directory.
func fixture(t *testing.T, name string) string {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no gcc")
	}
	src, err := filepath.Abs(filepath.Join("testdata", name+".c"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("gcc", "-O0", "-o", bin, src).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	return bin
}

type result struct {
	trace, stderr string
	status        string
}

// trace runs a strace (real or ours) with -o FILE and the arguments, in
// dir, and returns the trace file, standard error and how it ended.
func trace(t *testing.T, ours bool, dir string, args ...string) result {
	t.Helper()
	return traceIn(t, ours, dir, nil, args...)
}

// traceIn is trace with the traced command's standard input, output (and
// the tracer's) on stdin when it is not nil (a terminal, say).
func traceIn(t *testing.T, ours bool, dir string, stdin *os.File, args ...string) result {
	t.Helper()
	out := filepath.Join(t.TempDir(), "trace")
	prog := "strace"
	var env []string
	if ours {
		self, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		prog, env = self, []string{"ZB_APPLET_UNDER_TEST=strace"}
	} else if _, err := exec.LookPath("strace"); err != nil {
		t.Skip("strace not installed")
	}
	cmd := exec.Command(prog, append([]string{"-o", out}, args...)...)
	cmd.Args[0] = "strace"
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "LC_ALL=C"), env...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if stdin != nil {
		cmd.Stdin, cmd.Stdout = stdin, stdin
	}
	cmd.Run()
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	status := "exit " + string(rune('0'+ws.ExitStatus()))
	if ws.Signaled() {
		status = "signal " + ws.Signal().String()
	}
	b, _ := os.ReadFile(out)
	return result{string(b), errb.String(), status}
}

var (
	hexRE       = regexp.MustCompile(`0x[0-9a-f]+`)
	pidRE       = regexp.MustCompile(`^([0-9]+) +`)
	numRE       = regexp.MustCompile(`[0-9]+`)
	inodeRE     = regexp.MustCompile(`:\[[0-9]+\]`)
	padRE       = regexp.MustCompile(`\) +=`)
	resultPidRE = regexp.MustCompile(`(?m)^(?:[0-9]+ )?(?:getpid|clone|fork|vfork)\(.*\) += ([0-9]+)$`)
	resumedRE   = regexp.MustCompile(`^<\.\.\. [a-z0-9_]+ resumed>`)
)

// normalize turns a trace into one sequence of lines per process, in the
// order the processes first appear: interrupted calls are joined back
// (their "<unfinished ...>" and "<... resumed>" halves depend on
// scheduling), addresses become 0xADDR, process ids P1, P2..., and the
// alignment padding is dropped. With markers, only the lines between the
// BEGIN and END writes of each process are kept.
func normalize(trace string, markers bool) []string {
	type proc struct {
		lines []string
		open  string
		in    bool
	}
	var order []string
	procs := map[string]*proc{}
	label := map[string]string{}
	for _, l := range strings.Split(strings.TrimSuffix(trace, "\n"), "\n") {
		pid := ""
		if m := pidRE.FindStringSubmatch(l); m != nil {
			pid, l = m[1], l[len(m[0]):]
		}
		p := procs[pid]
		if p == nil {
			p = &proc{in: !markers}
			procs[pid] = p
			order = append(order, pid)
			label[pid] = "P" + string(rune('0'+len(order)))
		}
		if rest, ok := strings.CutSuffix(l, " <unfinished ...>"); ok {
			p.open = rest
			continue
		}
		if loc := resumedRE.FindStringIndex(l); loc != nil {
			l = p.open + l[loc[1]:]
			p.open = ""
		}
		if (strings.HasSuffix(l, "= ? <unavailable>") || strings.HasSuffix(l, "= ?")) && !strings.HasPrefix(l, "exit") {
			continue // where a killed process was when it died is chance
		}
		if markers && strings.Contains(l, `"BEGIN"`) {
			p.in = true
		}
		if p.in {
			p.lines = append(p.lines, l)
		}
		if markers && strings.Contains(l, `"END"`) {
			p.in = false
		}
	}
	// Process ids that only show up as results (without -f).
	for _, m := range resultPidRE.FindAllStringSubmatch(trace, -1) {
		if _, ok := label[m[1]]; !ok {
			label[m[1]] = "Q" + string(rune('0'+len(label)))
		}
	}
	var out []string
	for _, pid := range order {
		var signals []string
		for _, l := range procs[pid].lines {
			if strings.HasPrefix(l, "--- SIGCHLD") {
				// When SIGCHLD arrives relative to wait4 depends on
				// scheduling: compare them after the other lines.
				signals = append(signals, l)
				continue
			}
			l = hexRE.ReplaceAllString(l, "0xADDR")
			l = inodeRE.ReplaceAllString(l, ":[INODE]")
			l = padRE.ReplaceAllString(l, ") =")
			l = numRE.ReplaceAllStringFunc(l, func(n string) string {
				if lb, ok := label[n]; ok {
					return lb
				}
				return n
			})
			out = append(out, label[pid]+" "+l)
		}
		for _, l := range signals {
			l = hexRE.ReplaceAllString(l, "0xADDR")
			l = numRE.ReplaceAllStringFunc(l, func(n string) string {
				if lb, ok := label[n]; ok {
					return lb
				}
				return n
			})
			out = append(out, label[pid]+" "+l)
		}
	}
	return out
}

func compareLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	t.Errorf("%s: traces differ", what)
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d:\n ours %s\n real %s", i+1, g, w)
		}
	}
}

// A C program making the system calls the zine talks about, traced by
// both: every decoded line between the markers must match.
func TestCallsAgainstStrace(t *testing.T) {
	bin := fixture(t, "calls")
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-f", bin},
		{"-f", "-s", "8", bin},
		{"-f", "-e", "trace=file,write", bin},
		{"-f", "-e", "trace=%process,kill", "-e", "signal=none", bin},
		{"-f", "-e", "trace=!close,mmap", bin},
		{"-y", bin},
	} {
		want := trace(t, false, dir, args...)
		got := trace(t, true, dir, args...)
		compareLines(t, strings.Join(args[:len(args)-1], " "), normalize(got.trace, true), normalize(want.trace, true))
		if got.status != want.status {
			t.Errorf("%q: status %s, strace %s", args, got.status, want.status)
		}
	}
}

// Every flag of open, mmap, clone, the *at calls, access, lseek, sigprocmask,
// fcntl and wait4, decoded as strace decodes them.
func TestFlagsAgainstStrace(t *testing.T) {
	bin := fixture(t, "flags")
	dir := t.TempDir()
	want := trace(t, false, dir, bin)
	got := trace(t, true, dir, bin)
	compareLines(t, "flags", normalize(got.trace, true), normalize(want.trace, true))
}

// Every class of -e trace=, on a program that makes calls of each: the
// selection and the decoding of IPC, socket options and addresses, memory
// advice, signal stacks, epoll and select, statx and execve's argv/envp.
// IPC ids and ephemeral ports change from run to run: they are masked.
func TestClassesAgainstStrace(t *testing.T) {
	bin := fixture(t, "classes")
	dir := t.TempDir()
	ipcArg := regexp.MustCompile(`^(P[0-9]+ (?:shm|sem|msg)[a-z]*\()[0-9]+`)
	ipcRet := regexp.MustCompile(`^(P[0-9]+ (?:shm|sem|msg)get\(.*\) = )[0-9]+$`)
	port := regexp.MustCompile(`htons\([0-9]{4,}\)`)
	mask := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			if strings.Contains(l, "execve(\""+bin+"\"") {
				continue // ours is started with one more variable (the test's)
			}
			l = ipcArg.ReplaceAllString(l, "${1}IPCID")
			l = ipcRet.ReplaceAllString(l, "${1}IPCID")
			out = append(out, port.ReplaceAllString(l, "htons(PORT)"))
		}
		return out
	}
	for _, set := range []string{"all", "ipc", "network", "memory", "signal", "desc", "file", "process", "%net", "%ipc"} {
		args := []string{"-f", "-e", "trace=" + set, bin}
		if set == "all" {
			args = []string{"-f", bin}
		}
		want := trace(t, false, dir, args...)
		got := trace(t, true, dir, args...)
		w, g := mask(normalize(want.trace, set == "all")), mask(normalize(got.trace, set == "all"))
		if len(w) < 2 {
			t.Errorf("%s: real strace traced %d lines", set, len(w))
		}
		compareLines(t, "trace="+set, g, w)
	}
}

// The traced command gets SIGINT with its default action, as it would
// without strace: a shell that interrupts itself dies of it (and strace
// with it). Its first look at the disposition shows SIG_DFL.
func TestCommandKeepsSignals(t *testing.T) {
	dir := t.TempDir()
	args := []string{"-e", "trace=rt_sigaction", "-e", "signal=none", "sh", "-c", "kill -INT $$; echo survived"}
	want := trace(t, false, dir, args...)
	got := trace(t, true, dir, args...)
	if got.status != want.status {
		t.Errorf("status %s, strace %s", got.status, want.status)
	}
	compareLines(t, "sh's sigactions", normalize(got.trace, false), normalize(want.trace, false))
}

// A thread that dies inside read (its process exits): the read's line is
// ended as strace ends it, "<... read resumed> <unfinished ...>) = ?".
func TestUnfinishedAtExit(t *testing.T) {
	bin := fixture(t, "exit")
	dir := t.TempDir()
	pids := regexp.MustCompile(`(?m)^[0-9]+ +`)
	lines := func(trace string) string {
		return pids.ReplaceAllString(padRE.ReplaceAllString(trace, ") ="), "")
	}
	args := []string{"-f", "-e", "trace=read,exit_group", "-e", "signal=none", "-qq", bin}
	want := trace(t, false, dir, args...)
	got := trace(t, true, dir, args...)
	if !strings.Contains(want.trace, "<... read resumed> <unfinished ...>) = ?") {
		t.Skipf("strace ended the read otherwise (timing):\n%s", want.trace)
	}
	if g, w := lines(got.trace), lines(want.trace); g != w {
		t.Errorf("trace:\n%s\nstrace:\n%s", g, w)
	}
}

// Terminal ioctls on a pty of their own for each run: request names
// (with strace's "SNDCTL_TMR_START or TCSETS"), termios flag words,
// integer results, requests without an argument, _IOC() for an unknown one.
func TestIoctlAgainstStrace(t *testing.T) {
	bin := fixture(t, "ioctl")
	dir := t.TempDir()
	_, want := ptyfix.OpenPTY(t)
	_, got := ptyfix.OpenPTY(t)
	w := traceIn(t, false, dir, want, bin)
	g := traceIn(t, true, dir, got, bin)
	compareLines(t, "ioctl", normalize(g.trace, true), normalize(w.trace, true))
}

// Signals, a child killed by SIGKILL, and death by SIGTERM: the lines,
// the exit lines, and strace's own death by the same signal.
func TestSignalsAgainstStrace(t *testing.T) {
	bin := fixture(t, "signals")
	dir := t.TempDir()
	for _, args := range [][]string{{"-f", bin}, {"-f", "-e", "trace=none", bin}, {bin},
		{"-f", "-e", "signal=SIGUSR2", bin}, {"-f", "-e", "signal=!TERM,9", "-e", "trace=kill,write,exit_group", bin},
		{"-f", "-e", "signal=none", "-e", "trace=%signal", bin}} {
		want := trace(t, false, dir, args...)
		got := trace(t, true, dir, args...)
		g, w := normalize(got.trace, false), normalize(want.trace, false)
		// Keep from the first marker on (the dynamic loader's start-up is
		// the same program for both, but the line count is long).
		cut := func(l []string) []string {
			for i, s := range l {
				if strings.Contains(s, `"BEGIN"`) || strings.HasPrefix(s, "---") || strings.Contains(s, "+++") {
					return l[i:]
				}
			}
			return l
		}
		compareLines(t, strings.Join(args[:len(args)-1], " "), cut(g), cut(w))
		// The child killed in pause(): strace sees its exit event and ends
		// the call "= ?", not "= ? <unavailable>".
		if strings.Contains(got.trace, "<unavailable>") != strings.Contains(want.trace, "<unavailable>") {
			t.Errorf("%q: unfinished calls ended differently:\n%s\nstrace:\n%s", args, got.trace, want.trace)
		}
		if got.status != want.status {
			t.Errorf("%q: status %s, strace %s", args, got.status, want.status)
		}
	}
}

// Our own applet (uname, a Go program) traced by both: the calls that do
// its work are the same.
func TestOwnAppletAgainstStrace(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A Go program makes its calls from whichever thread runs the main
	// goroutine: trace every thread (-f) and compare the calls without
	// their thread ids, in order, leaving out the threads' exit lines.
	args := []string{"-f", "-e", "trace=uname,write,exit_group", "-e", "signal=none", "-E", "ZB_APPLET_UNDER_TEST=uname", self, "-a"}
	// Real strace takes -E; ours gets the variable through its own
	// environment instead, so run it through env(1), which makes none of
	// these calls before it execs the program.
	want := trace(t, false, dir, args...)
	got := trace(t, true, dir, "-f", "-e", "trace=uname,write,exit_group", "-e", "signal=none", "env", "ZB_APPLET_UNDER_TEST=uname", self, "-a")
	// Now and then two threads of the Go program call exit_group at
	// once (strace shows both, and normalize lists them per thread):
	// they count as one, last.
	calls := func(trace string) []string {
		var out []string
		exit := ""
		for _, l := range normalize(trace, false) {
			_, l, _ = strings.Cut(l, " ")
			switch {
			case strings.HasPrefix(l, "+++"):
			case strings.HasPrefix(l, "exit_group("):
				if exit != "" && exit != l {
					t.Errorf("two different exit_group calls: %q, %q", exit, l)
				}
				exit = l
			default:
				out = append(out, l)
			}
		}
		if exit != "" {
			out = append(out, exit)
		}
		return out
	}
	w, g := calls(want.trace), calls(got.trace)
	if len(w) != 3 {
		t.Errorf("strace traced %q, want uname, write, exit_group; raw:\n%s", w, want.trace)
	}
	compareLines(t, "uname -a", g, w)
}

// -c prints strace's table: same header, rule and columns.
func TestSummary(t *testing.T) {
	bin := fixture(t, "calls")
	dir := t.TempDir()
	want := trace(t, false, dir, "-c", bin)
	got := trace(t, true, dir, "-c", bin)
	gl, wl := strings.Split(got.trace, "\n"), strings.Split(want.trace, "\n")
	if len(gl) < 4 || gl[0] != wl[0] || gl[1] != wl[1] {
		t.Fatalf("-c header:\n%s\nwant\n%s", got.trace, want.trace)
	}
	names := func(lines []string) map[string]string {
		m := map[string]string{}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			if len(f) >= 5 && f[0] != "------" {
				// name -> calls and errors (times differ)
				m[f[len(f)-1]] = strings.Join(f[3:len(f)-1], " ")
			}
		}
		return m
	}
	gn, wn := names(gl), names(wl)
	for k, v := range wn {
		if gn[k] != v {
			t.Errorf("-c %s: ours %q, strace %q", k, gn[k], v)
		}
	}
	if len(gn) != len(wn) {
		t.Errorf("-c rows: ours %d, strace %d", len(gn), len(wn))
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{}, {"nosuchcommand-zb"}, {"-e", "trace=bogus", "true"}, {"-e", "signal=bogus", "true"},
		{"-e", "foo=bar", "true"}, {"-s", "-1", "true"}, {"-o", "/nonexistent/x", "true"}, {"-p", "abc"}, {"-p", "0"}} {
		want := trace(t, false, dir, args...)
		got := trace(t, true, dir, args...)
		if got.stderr != want.stderr || got.status != want.status {
			t.Errorf("strace %q: got %q %s, want %q %s", args, got.stderr, got.status, want.stderr, want.status)
		}
	}
}

// -p attaches to a running process and detaches when interrupted.
func TestAttach(t *testing.T) {
	child := exec.Command("sh", "-c", "while :; do sleep 0.05; done")
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { child.Process.Kill(); child.Wait() }()
	self, _ := os.Executable()
	out := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(self, "-o", out, "-p", itoa(child.Process.Pid))
	cmd.Env = append(os.Environ(), "ZB_APPLET_UNDER_TEST=strace")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until something was traced, then interrupt.
	for i := 0; i < 400; i++ {
		if b, _ := os.ReadFile(out); bytes.Contains(b, []byte("wait4")) {
			break
		}
		exec.Command("sleep", "0.01").Run()
	}
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	// Like strace, it ends by the signal it was stopped with.
	if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("strace -p after SIGINT ended with %v, want death by SIGINT", cmd.ProcessState)
	}
	if !strings.Contains(errb.String(), "strace: Process "+itoa(child.Process.Pid)+" attached") ||
		!strings.Contains(errb.String(), "detached") {
		t.Errorf("stderr = %q", errb.String())
	}
	// The child must still be alive and untraced.
	if err := child.Process.Signal(syscall.Signal(0)); err != nil {
		t.Errorf("child gone after detach: %v", err)
	}
	b, _ := os.ReadFile("/proc/" + itoa(child.Process.Pid) + "/status")
	if !bytes.Contains(b, []byte("TracerPid:\t0\n")) {
		t.Errorf("child still traced:\n%s", b)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// -tt and -T decorate each line: time of day with microseconds before,
// the time spent in the call after.
func TestTimes(t *testing.T) {
	dir := t.TempDir()
	got := trace(t, true, dir, "-tt", "-T", "-e", "trace=write", "echo", "hi")
	re := regexp.MustCompile(`^[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{6} write\(1, "hi\\n", 3\) += 3 <[0-9]+\.[0-9]{6}>\n` +
		`[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\.[0-9]{6} \+\+\+ exited with 0 \+\+\+\n$`)
	if !re.MatchString(got.trace) {
		t.Errorf("-tt -T trace:\n%s", got.trace)
	}
	want := trace(t, false, dir, "-tt", "-T", "-e", "trace=write", "echo", "hi")
	if !re.MatchString(want.trace) {
		t.Errorf("the pattern does not fit real strace either:\n%s", want.trace)
	}
	// -t: seconds only; -ttt: seconds since the epoch with microseconds.
	for flag, stamp := range map[string]string{"-t": `[0-2][0-9]:[0-5][0-9]:[0-5][0-9]`, "-ttt": `[0-9]{10}\.[0-9]{6}`} {
		re := regexp.MustCompile(`^` + stamp + ` write\(1, "hi\\n", 3\) += 3\n` + stamp + ` \+\+\+ exited with 0 \+\+\+\n$`)
		for _, ours := range []bool{true, false} {
			if got := trace(t, ours, dir, flag, "-e", "trace=write", "echo", "hi"); !re.MatchString(got.trace) {
				t.Errorf("%s (ours %v) trace:\n%s", flag, ours, got.trace)
			}
		}
	}
}
