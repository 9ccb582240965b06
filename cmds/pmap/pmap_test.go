package pmap

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The test binary doubles as pmap when asked, to run as another user.
func TestMain(m *testing.M) {
	if os.Getenv("ZB_PMAP_UNDER_TEST") == "1" {
		os.Exit(applet.RunProcess(&Applet, "pmap", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

// sleeper starts sleep and waits until it sleeps in nanosleep: its
// start-up (loading libc and the locale) is over and its map will not
// change.
func sleeper(t *testing.T) string {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep")
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	pid := strconv.Itoa(cmd.Process.Pid)
	for i := 0; i < 5000; i++ {
		b, _ := os.ReadFile("/proc/" + pid + "/wchan")
		if strings.Contains(string(b), "nanosleep") {
			break
		}
		time.Sleep(time.Millisecond)
	}
	return pid
}

// A process pmap may not read (root's sleep, read by nobody: its maps need
// the right to ptrace it) still gets its header line; the status is 1, or
// 43 with a missing process too. Both pmaps run as nobody.
func TestPermissionDenied(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run pmap as another user")
	}
	if _, err := exec.LookPath("pmap"); err != nil {
		t.Skip("no pmap")
	}
	pid := sleeper(t)
	// The test binary must be reachable by nobody.
	ours := applettest.SelfCopy(t, "pmap")
	run := func(prog string, args ...string) string {
		return applettest.RunAsNobody(t, prog, "", []string{"ZB_PMAP_UNDER_TEST=1"}, args...)
	}
	for _, args := range [][]string{{pid}, {"-x", pid}, {"-q", "-d", pid}, {"999999", pid}} {
		want := run("pmap", args...)
		got := run(ours, args...)
		if got != want {
			t.Errorf("pmap %q as nobody:\n got %q\nwant %q", args, got, want)
		}
		if !strings.HasPrefix(want, pid+":   sleep 60\n") {
			t.Errorf("procps pmap %q as nobody printed %q: the process was readable?", args, want)
		}
	}
}

// A sleeping child's map does not change: both pmaps must print the same.
func TestAgainstProcps(t *testing.T) {
	pid := sleeper(t)
	for _, args := range [][]string{
		{pid}, {"-x", pid}, {"-d", pid}, {"-q", pid}, {"-p", pid}, {"-xq", pid}, {"-x", "-p", pid},
		{pid, pid}, {"999999"}, {"999999", pid}, {"-q", pid, "999999"}, {},
	} {
		want := applettest.RunTool(t, "pmap", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if len(args) == 0 {
			// Both print their usage; only the status must agree.
			if got.Status != want.Status {
				t.Errorf("pmap: status %d, procps %d", got.Status, want.Status)
			}
			continue
		}
		if got != want {
			t.Errorf("pmap %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

func contains(s, sub string) bool {
	return len(s) >= len(sub) && (s[:len(sub)] == sub || contains(s[1:], sub))
}
