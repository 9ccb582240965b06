package su

import (
	"os"
	"os/exec"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The cases that do not switch users (a switch would replace the test
// process), each compared with util-linux su on this machine.
func TestErrors(t *testing.T) {
	for _, args := range [][]string{
		{"zinebox-no-such-user"},
		{"-", "zinebox-no-such-user"},
		{"-c", "true", "zinebox-no-such-user"},
		{"--bogus"},
	} {
		got := applettest.Run(&Applet, t.TempDir(), "", nil, args...)
		want := applettest.RunTool(t, "su", t.TempDir(), "", nil, args...)
		if got.Status != want.Status || got.Stderr != want.Stderr || got.Stdout != want.Stdout {
			t.Errorf("su %q:\n got %d %q %q\nwant %d %q %q", args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
		}
	}
}

func TestSetenv(t *testing.T) {
	got := setenv([]string{"HOME=/a", "X=1", "HOME=/b", "HOMER=x"}, "HOME", "/root")
	want := []string{"X=1", "HOMER=x", "HOME=/root"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// TestSwitchLikeUtilLinux switches to nobody for real, through our binary
// and util-linux su, with the options in several orders, and compares what
// the shell sees: ids, environment, directory, arguments.
func TestSwitchLikeUtilLinux(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root switches users without a password")
	}
	real, err := exec.LookPath("su")
	if err != nil {
		t.Skip("no su")
	}
	bin := applettest.Binary(t)
	show := `id; echo "$0|$HOME|$USER|$LOGNAME|$SHELL|$PATH|$*"; pwd`
	for _, args := range [][]string{
		{"-s", "/bin/sh", "nobody", "-c", show},
		{"nobody", "-s", "/bin/sh", "-c", show},
		{"-", "-s", "/bin/sh", "nobody", "-c", show},
		{"-s", "/bin/sh", "-l", "nobody", "-c", show},
		{"-m", "-s", "/bin/sh", "nobody", "-c", show},
		{"-s", "/bin/sh", "nobody", "-c", show, "a", "b"},
	} {
		run := func(argv ...string) (string, int) {
			cmd := exec.Command(argv[0], argv[1:]...)
			cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=/root", "USER=root", "LC_ALL=C", "TERM=dumb"}
			cmd.Dir = "/"
			out, _ := cmd.Output() // stderr: util-linux warns about /nonexistent, we may not
			return string(out), cmd.ProcessState.ExitCode()
		}
		ours, ourStatus := run(append([]string{bin, "su"}, args...)...)
		want, wantStatus := run(append([]string{real}, args...)...)
		if ours != want || ourStatus != wantStatus {
			t.Errorf("su %q:\n ours %d %q\n real %d %q", args, ourStatus, ours, wantStatus, want)
		}
	}
}
