package ps

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

// The test binary doubles as ps when asked, to run on a real terminal.
func TestMain(m *testing.M) {
	if os.Getenv("ZB_PS_UNDER_TEST") == "1" {
		os.Exit(applet.RunProcess(&Applet, "ps", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

// children starts a small family of live processes: a shell that runs a
// sleep in the background and another in the foreground, in a new session,
// so that the tree, sessions and groups are known. It returns the shell.
func children(t *testing.T) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("sh", "-c", "sleep 60 & sleep 61; wait")
	applettest.StartSession(t, cmd)
	// Wait until both sleeps exist.
	for i := 0; i < 500; i++ {
		out, _ := os.ReadFile("/proc/" + strconv.Itoa(cmd.Process.Pid) + "/task/" + strconv.Itoa(cmd.Process.Pid) + "/children")
		if len(strings.Fields(string(out))) == 2 {
			kids := strings.Fields(string(out))
			ok := true
			for _, k := range kids {
				b, _ := os.ReadFile("/proc/" + k + "/comm")
				ok = ok && string(b) == "sleep\n"
			}
			if ok {
				return cmd
			}
		}
		runtime.Gosched()
		exec.Command("true").Run()
	}
	t.Fatal("children did not start")
	return nil
}

// The same command lines through procps ps and ours, on processes the test
// made; fields that change from one instant to the next are left out.
func TestAgainstProcps(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	sh := children(t)
	pid := strconv.Itoa(sh.Process.Pid)
	if os.Geteuid() == 0 {
		// A process of nobody's, for -u and -U to find.
		nob := exec.Command("sleep", "60")
		nob.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		if err := nob.Start(); err == nil {
			t.Cleanup(func() { nob.Process.Kill(); nob.Wait() })
			for i := 0; i < 1000; i++ {
				if b, _ := os.ReadFile("/proc/" + strconv.Itoa(nob.Process.Pid) + "/comm"); string(b) == "sleep\n" {
					break
				}
				exec.Command("true").Run()
			}
		}
	}
	fields := []string{"pid", "ppid", "pgid", "sid", "tty", "tname", "stat", "s", "user", "uid", "comm", "args",
		"cmd", "time", "rss", "vsz", "sz", "nlwp", "ni", "pri", "opri", "wchan", "lwp", "spid", "tid", "c", "stime",
		"start", "lstart", "f", "addr", "tpgid", "cputime", "uname", "ruser", "euser", "group", "gid", "sess",
		"pgrp", "ucmd", "pcpu", "pmem", "bsdtime", "start_time"}
	var cases [][]string
	for _, f := range fields {
		cases = append(cases, []string{"-o", f, "-p", pid}, []string{"-o", f + ",pid", "--ppid", pid})
	}
	cases = append(cases,
		[]string{"-o", strings.Join(fields, ","), "-s", pid},
		[]string{"-o", "pid,ppid,stat,comm", "-p", pid},
		[]string{"-o", "pid=,comm=", "-p", pid},
		[]string{"-o", "pid=PROCESS,comm:20,args:8,pid", "-p", pid},
		[]string{"-f", "-p", pid}, []string{"-F", "-p", pid}, []string{"-l", "-p", pid},
		[]string{"-lf", "-p", pid}, []string{"-j", "-p", pid}, []string{"-jf", "-p", pid},
		[]string{"-p", pid}, []string{"-fp", pid}, []string{"-L", "-p", pid}, []string{"-T", "-p", pid},
		[]string{"-fL", "--ppid", pid}, []string{"-s", pid, "-H"}, []string{"-s", pid, "--forest", "-o", "pid,args"},
		[]string{"u", "p", pid}, []string{"l", "p", pid}, []string{"-o", "priority", "-p", pid}, []string{"j", "p", pid}, []string{"p", pid}, []string{"-s", pid, "--no-headers"},
		[]string{"-p", "999999"}, []string{"-o", "nosuch"}, []string{"--bogus"}, []string{"-q", pid, "-o", "pid,comm"},
		[]string{"-s", pid, "-o", "pid,args", "--sort", "-pid"}, []string{"-s", pid, "-o", "pid,args", "--sort=args"},
		[]string{"-s", pid, "-o", "pid,comm,vsz", "--sort", "-vsz,pid"},
		[]string{"--ppid", pid, "--forest", "-o", "pid,args"}, []string{"--ppid", pid, "-H", "-o", "pid,comm"},
		[]string{"-s", pid, "-jH"}, []string{"f", "-s", pid, "-o", "pid,ppid,args"},
		[]string{"-ly", "-s", pid}, []string{"-lyf", "-s", pid}, []string{"-lyF", "-s", pid}, []string{"-ljy", "-s", pid},
		[]string{"-y", "-s", pid}, []string{"-y", "-o", "pid", "-s", pid}, []string{"-j", "-o", "pid", "-s", pid},
		[]string{"-l", "-o", "pid", "-s", pid}, []string{"-F", "-o", "pid", "-s", pid}, []string{"u", "-o", "pid", "-s", pid},
		[]string{"-f", "u", "-s", pid}, []string{"uj", "-s", pid}, []string{"-f", "-o", "pid", "-p", pid},
		[]string{"-u", "nobody", "-o", "pid,user"}, []string{"-U", "65534,nobody"}, []string{"-u", "nosuchuserzb"},
	)
	for _, args := range cases {
		want := applettest.RunTool(t, "ps", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("ps %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// Lines are cut at COLUMNS; -w widens to 132, -ww lifts the limit; when
// the other columns leave the last one less than 3 columns, the line runs
// over more screen widths; headers are never cut.
func TestWidthAgainstProcps(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	sh := children(t)
	pid := strconv.Itoa(sh.Process.Pid)
	for _, cols := range []string{"9", "30", "40", "50", "51", "67", "68", "80", "150"} {
		env := []string{"COLUMNS=" + cols}
		for _, args := range [][]string{{"-f", "-p", pid}, {"-fw", "-p", pid}, {"-fww", "-p", pid}, {"u", "p", pid},
			{"-o", "pid,args", "-p", pid}, {"-o", "args,pid", "-p", pid}, {"-lf", "--ppid", pid}, {"-o", "pid,args,pid,comm", "-p", pid}} {
			want := applettest.RunTool(t, "ps", "", "", env, args...)
			got := applettest.Run(&Applet, "", "", env, args...)
			want.Stderr, got.Stderr = "", "" // procps warns about very small screens
			if got != want {
				t.Errorf("COLUMNS=%s ps %q:\n got %+v\nwant %+v", cols, args, got, want)
			}
		}
	}
}

// nested starts, in a session of its own, a chain of depth shells each
// waiting for the next, the last one replaced by sleep, and returns the
// session id once the whole chain exists.
func nested(t *testing.T, depth int) string {
	t.Helper()
	script := filepath.Join(t.TempDir(), "nest.sh")
	body := "n=$1\nif [ $n -gt 0 ]; then sh " + script + " $((n-1)); true; else exec sleep 60; fi\n"
	if err := os.WriteFile(script, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", script, strconv.Itoa(depth))
	applettest.StartSession(t, cmd)
	sid := strconv.Itoa(cmd.Process.Pid)
	for i := 0; i < 2000; i++ {
		r := applettest.Run(&Applet, "", "", nil, "-s", sid, "--no-headers", "-o", "comm")
		if strings.Count(r.Stdout, "\n") == depth+1 && strings.HasSuffix(r.Stdout, "sleep\n") {
			return sid
		}
		exec.Command("true").Run()
	}
	t.Fatal("the chain of shells did not start")
	return ""
}

// A tree deeper than the screen is wide: procps draws as much of the tree
// as leaves room, then the start of the command.
func TestDeepTreeAgainstProcps(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	sid := nested(t, 14)
	for _, cols := range []string{"", "20", "30", "40", "60", "80"} {
		var env []string
		if cols != "" {
			env = []string{"COLUMNS=" + cols}
		}
		for _, args := range [][]string{{"--forest", "-o", "pid,args"}, {"--forest", "-o", "pid,comm"}, {"-H", "-o", "pid,args"},
			{"-H", "-o", "pid,comm"}, {"jf"}, {"-jH"}, {"--forest", "-o", "args,pid"}, {"-fH"}, {"uf"}} {
			args = append([]string{"-s", sid}, args...)
			want := applettest.RunTool(t, "ps", "", "", env, args...)
			got := applettest.Run(&Applet, "", "", env, args...)
			if got != want {
				t.Errorf("COLUMNS=%s ps %q:\n got %+v\nwant %+v", cols, args, got, want)
			}
		}
	}
}

// A process group of our own shows up with -e and vanishing processes do
// not break the listing.
func TestEveryProcess(t *testing.T) {
	sh := children(t)
	got := applettest.Run(&Applet, "", "", nil, "-e", "-o", "pid,comm")
	if got.Status != 0 || !strings.Contains(got.Stdout, "\n"+pad(sh.Process.Pid)+" sh\n") {
		t.Errorf("ps -e lacks the shell %d:\n%s", sh.Process.Pid, got.Stdout)
	}
	// Start and end processes while listing.
	done := make(chan bool)
	go func() {
		for i := 0; i < 20; i++ {
			exec.Command("true").Run()
		}
		close(done)
	}()
	for i := 0; i < 5; i++ {
		if got := applettest.Run(&Applet, "", "", nil, "-eLf"); got.Status != 0 || got.Stderr != "" {
			t.Errorf("ps -eLf = %+v", got)
		}
	}
	<-done
}

func pad(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 5 {
		s = " " + s
	}
	return s
}

// Threads: a Go test binary has several; -L lists each one from
// /proc/PID/task.
func TestThreads(t *testing.T) {
	pid := strconv.Itoa(os.Getpid())
	got := applettest.Run(&Applet, "", "", nil, "-L", "-o", "pid=,lwp=,nlwp=", "-p", pid)
	lines := strings.Split(strings.TrimSpace(got.Stdout), "\n")
	if len(lines) < 2 {
		t.Fatalf("ps -L of a Go process shows %d threads:\n%s", len(lines), got.Stdout)
	}
	nlwp := strings.Fields(lines[0])[2]
	if strconv.Itoa(len(lines)) != nlwp {
		t.Errorf("%d lines but NLWP %s", len(lines), nlwp)
	}
}

// On a terminal of its own (a new session whose controlling tty is a
// pty), plain `ps` lists the processes of that terminal: the shell, a
// sleep and ps itself, with the tty named pts/N. Both ps are run the same
// way and compared with process ids and times masked.
func TestDefaultOnTerminal(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	run := func(ps string, env ...string) string {
		_, slave := fixture.OpenPTY(t)
		var out bytes.Buffer
		// ps runs once the background sleep is sleep (exec'd), not a
		// copy of the shell still.
		cmd := exec.Command("sh", "-c", "sleep 30 & while [ \"$(cat /proc/$!/comm)\" != sleep ]; do :; done; PS=1 "+ps+" "+"; kill $!")
		cmd.Env = append(append(os.Environ(), "LC_ALL=C"), env...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, &out, &out
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", ps, err, out.String())
		}
		o := regexp.MustCompile(`(?m)^ *[0-9]+ `).ReplaceAllString(out.String(), "PID ")
		// Each run has its own pty: the number differs, the name must not.
		want := "pts/" + strings.TrimPrefix(slave.Name(), "/dev/pts/")
		if !strings.Contains(o, want+" ") {
			t.Errorf("%s: no %s in %q", ps, want, o)
		}
		return strings.ReplaceAll(o, want+" ", "pts/N ")
	}
	// Our ps is the test binary, which runs the applet when asked; its
	// command name then differs from "ps", so map it back. -t names the
	// terminal (as /dev/pts/N and as pts/N). (Our ps is a Go program with
	// threads: its STAT has an l, so STAT is left out.)
	for _, args := range []string{"", ` -t "$(tty)"`, ` -t "$(tty | cut -c6-)" -o pid,tty,tname,comm`} {
		want := run("ps" + args)
		got := run("ZB_PS_UNDER_TEST=1 " + self + args)
		got = strings.ReplaceAll(got, filepath.Base(self)[:min(15, len(filepath.Base(self)))], "ps")
		if got != want {
			t.Errorf("ps%s on a terminal:\n got %q\nwant %q", args, got, want)
		}
	}
}

// threaded builds and starts a C program whose main thread and three more
// threads wait in pause(2), and returns it once all four exist. Skips
// without gcc.
func threaded(t *testing.T) *exec.Cmd {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no gcc")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "thr.c")
	prog := "#include <pthread.h>\n#include <unistd.h>\n" +
		"static void *wait_(void *a) { pause(); return a; }\n" +
		"int main(void) { pthread_t t; for (int i = 0; i < 3; i++) pthread_create(&t, 0, wait_, 0); pause(); }\n"
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("gcc", "-pthread", "-o", filepath.Join(dir, "thr"), src).CombinedOutput(); err != nil {
		t.Fatalf("gcc: %v\n%s", err, out)
	}
	cmd := exec.Command(filepath.Join(dir, "thr"))
	applettest.StartSession(t, cmd)
	// Ready when four threads exist and every one sleeps in pause().
	task := "/proc/" + strconv.Itoa(cmd.Process.Pid) + "/task/"
	for i := 0; i < 2000; i++ {
		tids, _ := os.ReadDir(task)
		asleep := 0
		for _, tid := range tids {
			w, _ := os.ReadFile(task + tid.Name() + "/wchan")
			if strings.Contains(string(w), "pause") {
				asleep++
			}
		}
		if len(tids) == 4 && asleep == 4 {
			return cmd
		}
		runtime.Gosched()
		exec.Command("true").Run()
	}
	t.Fatal("threads did not start")
	return nil
}

// The thread options with every UNIX format, on a process with four
// threads: where procps puts SPID, LWP and NLWP, the leader's line first
// with the whole process's figures, the kernel's wchan names without
// their leading underscores, and the conflicts procps refuses.
func TestThreadFormatsAgainstProcps(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	pid := strconv.Itoa(threaded(t).Process.Pid)
	var cases [][]string
	for _, th := range []string{"-L", "-T"} {
		for _, f := range []string{"", "f", "F", "l", "j", "lf", "lF", "jf", "jF", "jl", "jlf"} {
			cases = append(cases, []string{th + f, "-p", pid})
		}
		cases = append(cases, []string{th, "-o", "pid,lwp,spid,tid,nlwp,stat,wchan,comm", "-p", pid},
			[]string{th, "f", "-p", pid}, []string{th, "H", "-p", pid})
	}
	cases = append(cases, []string{"-L", "-T", "-p", pid}, []string{"-LH", "-p", pid}, []string{"-LL", "-p", pid},
		[]string{"H", "-p", pid}, []string{"-l", "-p", pid}, []string{"-o", "wchan:20,comm", "-p", pid})
	for _, args := range cases {
		want := applettest.RunTool(t, "ps", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("ps %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// Scheduling columns on processes run niced, under SCHED_FIFO and under
// SCHED_IDLE (when chrt may set them): NI, PRI, CLS, RTPRIO and -c.
func TestSchedulingAgainstProcps(t *testing.T) {
	if _, err := exec.LookPath("ps"); err != nil {
		t.Skip("no ps")
	}
	var pids []string
	for _, argv := range [][]string{{"nice", "-n", "7", "sleep", "60"}, {"chrt", "-f", "10", "sleep", "60"}, {"chrt", "-i", "0", "sleep", "60"}} {
		cmd := exec.Command(argv[0], argv[1:]...)
		if err := cmd.Start(); err != nil {
			continue
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		pid := strconv.Itoa(cmd.Process.Pid)
		// Ready once asleep in nanosleep (its start-up over: its state
		// and sizes no longer change).
		for i := 0; i < 2000; i++ {
			if b, _ := os.ReadFile("/proc/" + pid + "/wchan"); strings.Contains(string(b), "nanosleep") {
				pids = append(pids, pid)
				break
			}
			exec.Command("true").Run()
		}
	}
	if len(pids) == 0 {
		t.Skip("could not start the processes")
	}
	list := strings.Join(pids, ",")
	for _, args := range [][]string{
		{"-o", "pid,ni,pri,opri,priority,stat,cls,rtprio,policy,nice,class", "-p", list},
		{"-o", "cls:5,policy=X", "-p", list}, {"-l", "-p", list},
		{"-c", "-p", list}, {"-lc", "-p", list}, {"-fc", "-p", list}, {"-Fc", "-p", list}, {"-jc", "-p", list},
		{"-Lc", "-p", list}, {"-lyc", "-p", list},
	} {
		want := applettest.RunTool(t, "ps", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("ps %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}
