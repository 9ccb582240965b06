package signal

import (
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"testing"
)

// TestDie re-runs the test binary to die of signals that the Go runtime
// handles or that an ignored disposition would otherwise swallow, and
// checks that the parent sees a death by that signal.
func TestDie(t *testing.T) {
	if s := os.Getenv("ZB_SIGNAL_DIE"); s != "" {
		sig, _ := Parse(s)
		signal.Ignore(syscall.SIGINT) // Die must undo an ignored disposition
		Die(sig)
		return
	}
	for _, name := range []string{"USR1", "INT", "TERM", "PIPE"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDie$")
		cmd.Env = append(os.Environ(), "ZB_SIGNAL_DIE="+name)
		cmd.Run()
		ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
		want, _ := Parse(name)
		if !ok || !ws.Signaled() || ws.Signal() != want {
			t.Errorf("Die(%s): child ended %v", name, cmd.ProcessState)
		}
	}
}
