package pkill

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The registered applet sends the signal to a child of ours (and only to
// children of ours: -P), names itself pkill, and reports a miss with 1.
func TestApplet(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep")
	}
	prog := filepath.Join(t.TempDir(), "zbpkilltest")
	if err := os.Symlink(sleep, prog); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(prog, "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	for i := 0; i < 2000; i++ {
		if b, _ := os.ReadFile("/proc/" + strconv.Itoa(cmd.Process.Pid) + "/comm"); string(b) == "zbpkilltest\n" {
			break
		}
		time.Sleep(time.Millisecond)
	}
	self := strconv.Itoa(os.Getpid())
	got := applettest.Run(&Applet, "", "", nil, "-USR1", "-e", "-P", self, "zbpkilltest")
	want := "zbpkilltest killed (pid " + strconv.Itoa(cmd.Process.Pid) + ")\n"
	if got.Status != 0 || got.Stdout != want {
		t.Errorf("pkill = %+v, want stdout %q", got, want)
	}
	cmd.Wait()
	if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); !ws.Signaled() || ws.Signal() != syscall.SIGUSR1 {
		t.Errorf("child ended %v, want SIGUSR1", cmd.ProcessState)
	}
	if got := applettest.Run(&Applet, "", "", nil, "-P", self, "zbpkilltest"); got.Status != 1 {
		t.Errorf("pkill with nothing to match = %+v, want status 1", got)
	}
	if got := applettest.Run(&Applet, "", "", nil); got.Status != 2 || got.Stderr == "" {
		t.Errorf("pkill without criteria = %+v, want status 2", got)
	}
}
