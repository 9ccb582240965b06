package pmap

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// A sleeping child's map does not change: both pmaps must print the same.
func TestAgainstProcps(t *testing.T) {
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep")
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	pid := strconv.Itoa(cmd.Process.Pid)
	// Wait until it sleeps in nanosleep: its start-up (loading libc and
	// the locale) is over and its map will not change.
	for i := 0; i < 5000; i++ {
		b, _ := os.ReadFile("/proc/" + pid + "/wchan")
		if strings.Contains(string(b), "nanosleep") {
			break
		}
		time.Sleep(time.Millisecond)
	}
	for _, args := range [][]string{
		{pid}, {"-x", pid}, {"-d", pid}, {"-q", pid}, {"-p", pid}, {"-xq", pid}, {"-x", "-p", pid},
		{pid, pid}, {"999999"}, {"999999", pid}, {},
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
