package kill

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The test binary doubles as kill when asked, to run as another user.
func TestMain(m *testing.M) {
	if os.Getenv("ZB_KILL_UNDER_TEST") == "1" {
		os.Exit(applet.RunProcess(&Applet, "kill", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

// A process we may not signal: as nobody, the null signal to init (which
// checks the permission and sends nothing) fails with procps's message.
func TestPermissionDenied(t *testing.T) {
	procpsKill(t)
	if os.Geteuid() != 0 {
		t.Skip("needs root to run kill as another user")
	}
	ours := applettest.SelfCopy(t, "kill") // a copy nobody may run
	real, _ := exec.LookPath("kill")
	run := func(prog string, args ...string) string {
		return applettest.RunAsNobody(t, prog, "kill", []string{"ZB_KILL_UNDER_TEST=1"}, args...)
	}
	for _, args := range [][]string{{"-0", "1"}, {"-s", "0", "1", "999999"}} {
		want, got := run(real, args...), run(ours, args...)
		if got != want {
			t.Errorf("kill %q as nobody:\n got %q\nwant %q", args, got, want)
		}
		if !strings.Contains(want, "Operation not permitted") {
			t.Errorf("procps kill %q as nobody: %q", args, want)
		}
	}
}

// procpsKill reports whether the kill in PATH is procps-ng's.
func procpsKill(t *testing.T) {
	out, err := exec.Command("kill", "-V").Output()
	if err != nil || !strings.Contains(string(out), "procps") {
		t.Skip("procps kill not installed")
	}
}

// Listing and conversion: same bytes and status as procps. Only arguments
// that signal nothing (or a pid that cannot exist) are given to procps.
func TestAgainstProcps(t *testing.T) {
	procpsKill(t)
	for _, args := range [][]string{
		{"-l"}, {"-L"}, {"--table"}, {"-l", "9"}, {"-l", "KILL"}, {"-l", "sigkill"},
		{"-lHUP"}, {"--list=15"}, {"-l", "31"}, {"-l", "32"}, {"-l", "0"}, {"-l", "FOO"},
		{"-l", "9x"}, {"-l", "9", "10"}, {"-L", "9"},
		{"999999"}, {"-9", "999999"}, {"-s", "KILL", "999999"}, {"-0", "999999"},
		{"abc"}, {"12x"}, {"-q", "x", "999999"}, {"999999", "abc", "999998"}, {"--", "999999"},
	} {
		want := applettest.RunTool(t, "kill", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("kill %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// Usage errors: procps prints its own usage text; we print ours, but the
// first line and the status agree.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		first string
	}{
		{nil, ""},
		{[]string{"-FOO", "999999"}, "kill: invalid argument F"},
		{[]string{"-s"}, "kill: invalid argument s"},
		{[]string{"-s", "FOO", "999999"}, "kill: unknown signal name FOO"},
		{[]string{"-9"}, ""},
	} {
		got := applettest.Run(&Applet, "", "", nil, tc.args...)
		if got.Status != 1 || got.Stdout != "" || !strings.HasPrefix(got.Stderr, tc.first) || got.Stderr == "" {
			t.Errorf("kill %q = %+v, want status 1 and stderr starting %q", tc.args, got, tc.first)
		}
	}
}

// startSleeper starts a sleep child, in its own process group when
// newGroup, and returns it; the test kills it if it is still there.
func startSleeper(t *testing.T, newGroup bool) *exec.Cmd {
	t.Helper()
	// No core file from the signals that dump one (QUIT, SEGV, SYS): the
	// shell sets the limit and becomes sleep, keeping the pid.
	cmd := exec.Command("sh", "-c", "ulimit -c 0; exec sleep 60")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: newGroup}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	return cmd
}

// Live processes: the signal each command line sends is the one the child
// dies of.
func TestSendsSignal(t *testing.T) {
	for _, tc := range []struct {
		args  []string // PID is replaced by the child's pid, -PGID by its group
		group bool
		want  syscall.Signal
	}{
		{[]string{"PID"}, false, syscall.SIGTERM},
		{[]string{"-9", "PID"}, false, syscall.SIGKILL},
		{[]string{"-KILL", "PID"}, false, syscall.SIGKILL},
		{[]string{"-SIGINT", "PID"}, false, syscall.SIGINT},
		{[]string{"-s", "hup", "PID"}, false, syscall.SIGHUP},
		{[]string{"--signal=USR1", "PID"}, false, syscall.SIGUSR1},
		{[]string{"-sUSR2", "PID"}, false, syscall.SIGUSR2},
		{[]string{"-skill", "PID"}, false, syscall.SIGKILL},
		{[]string{"-sigterm", "PID"}, false, syscall.SIGTERM},
		{[]string{"-sighup", "PID"}, false, syscall.SIGHUP},
		{[]string{"-sys", "PID"}, false, syscall.SIGSYS},
		{[]string{"-segv", "PID"}, false, syscall.SIGSEGV},
		{[]string{"-quit", "PID"}, false, syscall.SIGQUIT},
		{[]string{"-rtmax-1", "PID"}, false, 63},
		{[]string{"-n", "3", "PID"}, false, syscall.SIGQUIT},
		{[]string{"-RTMIN+3", "PID"}, false, 37},
		{[]string{"-s", "RTMAX-1", "PID"}, false, 63},
		{[]string{"-q", "7", "-s", "RTMIN", "PID"}, false, 34},
		{[]string{"PID", "-s", "ALRM"}, false, syscall.SIGALRM},
		{[]string{"--", "-PGID"}, true, syscall.SIGTERM},
		{[]string{"-9", "-PGID"}, true, syscall.SIGKILL},
		{[]string{"-s", "INT", "-PGID"}, true, syscall.SIGINT},
	} {
		cmd := startSleeper(t, tc.group)
		pid := strconv.Itoa(cmd.Process.Pid)
		args := make([]string, len(tc.args))
		for i, a := range tc.args {
			args[i] = strings.NewReplacer("PID", pid, "PGID", pid).Replace(a)
		}
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got.Status != 0 || got.Stdout != "" || got.Stderr != "" {
			t.Errorf("kill %q = %+v", args, got)
			continue
		}
		err := cmd.Wait()
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != tc.want {
			t.Errorf("kill %q: child ended with %v, want signal %d", args, err, tc.want)
		}
	}
}

// -0 checks without sending; a mix of live and missing targets fails but
// still signals the live one.
func TestZeroAndMixed(t *testing.T) {
	cmd := startSleeper(t, false)
	pid := strconv.Itoa(cmd.Process.Pid)
	if got := applettest.Run(&Applet, "", "", nil, "-0", pid); got.Status != 0 || got.Stderr != "" {
		t.Errorf("kill -0 live = %+v", got)
	}
	got := applettest.Run(&Applet, "", "", nil, "-9", "999999", pid)
	if got.Status != 1 || got.Stderr != "kill: (999999): No such process\n" {
		t.Errorf("kill -9 999999 live = %+v", got)
	}
	cmd.Wait()
	if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); ws.Signal() != syscall.SIGKILL {
		t.Errorf("live target not killed: %v", cmd.ProcessState)
	}
	// procps passes an out-of-range number to kill(2), which says EINVAL.
	cmd = startSleeper(t, false)
	pid = strconv.Itoa(cmd.Process.Pid)
	if got := applettest.Run(&Applet, "", "", nil, "-65", pid); got.Status != 1 || got.Stderr != "kill: ("+pid+"): Invalid argument\n" {
		t.Errorf("kill -65 = %+v", got)
	}
}
