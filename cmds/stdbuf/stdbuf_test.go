package stdbuf

import (
	"bytes"
	"os"
	"os/exec"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestSetsTheVariables runs the real binary: stdbuf must exec the command
// with the variables our stdio (and GNU's libstdbuf) read.
func TestSetsTheVariables(t *testing.T) {
	bin := applettest.Binary(t)
	out, err := exec.Command(bin, "stdbuf", "-oL", "--error=0", "-i", "4K", "/usr/bin/env").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"_STDBUF_O=L\n", "_STDBUF_E=0\n", "_STDBUF_I=4K\n"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("environment lacks %q", want)
		}
	}
	if _, err := os.Stat(libstdbuf); err == nil && !bytes.Contains(out, []byte("LD_PRELOAD="+libstdbuf)) {
		t.Errorf("LD_PRELOAD does not name %s", libstdbuf)
	}
}

// TestErrorsLikeGNU compares failures, which do not exec anything.
func TestErrorsLikeGNU(t *testing.T) {
	c := func(name string, args ...string) applettest.Case { return applettest.Case{Name: name, Args: args} }
	applettest.Compare(t, &Applet, "stdbuf", t.TempDir(), []applettest.Case{
		c("no mode", "true"),
		c("no command", "-oL"),
		c("nothing"),
		c("bad mode", "-o", "x", "true"),
		c("line stdin", "-i", "L", "true"),
		c("bad option", "-q", "true"),
	})
}

// TestExecFailuresLikeGNU compares the statuses of commands that cannot run.
func TestExecFailuresLikeGNU(t *testing.T) {
	bin := applettest.Binary(t)
	gnu, err := exec.LookPath("stdbuf")
	if err != nil {
		t.Skip("GNU stdbuf not installed")
	}
	for _, args := range [][]string{{"-oL", "nosuchcommand"}, {"-oL", "/etc/passwd"}, {"-o0", "/bin/sh", "-c", "exit 3"}} {
		run := func(path, argv0 string, argv ...string) (string, int) {
			cmd := exec.Command(path, argv...)
			cmd.Args[0] = argv0
			cmd.Env = append(os.Environ(), "LC_ALL=C")
			var errb bytes.Buffer
			cmd.Stderr = &errb
			cmd.Run()
			return errb.String(), cmd.ProcessState.ExitCode()
		}
		wantErr, wantStatus := run(gnu, "stdbuf", args...)
		gotErr, gotStatus := run(bin, "zinebox", append([]string{"stdbuf"}, args...)...)
		if gotErr != wantErr || gotStatus != wantStatus {
			t.Errorf("%q: got %q %d, want %q %d", args, gotErr, gotStatus, wantErr, wantStatus)
		}
	}
}
