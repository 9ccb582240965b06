package yes

import (
	"bytes"
	"io"
	"os/exec"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestLikeGNU reads the first 200,000 bytes of our yes and GNU yes through
// a pipe, then closes it: the bytes must be the same, and both must end
// as SIGPIPE makes them end (status 141, or death by the signal).
func TestLikeGNU(t *testing.T) {
	gnu, err := exec.LookPath("yes")
	if err != nil {
		t.Skip("no yes on this machine")
	}
	bin := applettest.Binary(t)
	for _, args := range [][]string{nil, {"hello"}, {"a", "b", "c"}, {""}, {"--", "-n"}} {
		ours, ourStatus := head(t, append([]string{bin, "yes"}, args...))
		real, realStatus := head(t, append([]string{gnu}, args...))
		if !bytes.Equal(ours, real) || ourStatus != 141 || realStatus != 141 {
			t.Errorf("yes %q: ours %q... status %d, GNU %q... status %d", args, ours[:20], ourStatus, real[:20], realStatus)
		}
	}
}

// head runs argv, reads 200,000 bytes of its output and closes the pipe.
func head(t *testing.T, argv []string) ([]byte, int) {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{"LC_ALL=C"}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 200000)
	if _, err := io.ReadFull(out, buf); err != nil {
		t.Fatal(err)
	}
	out.Close()
	cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return buf, 128 + int(ws.Signal())
	}
	return buf, cmd.ProcessState.ExitCode()
}

func TestHelpAndErrorsLikeGNU(t *testing.T) {
	applettest.Compare(t, &Applet, "yes", t.TempDir(), []applettest.Case{
		{Name: "bad option", Args: []string{"--bogus"}},
		{Name: "bad short option", Args: []string{"-x"}},
	})
}
