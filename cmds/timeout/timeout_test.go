package timeout

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// The test binary doubles as the timeout program when asked: timeout must
// be a real process (it changes its process group and may die of a
// signal).
func TestMain(m *testing.M) {
	if os.Getenv("ZB_APPLET_UNDER_TEST") == "1" {
		os.Exit(applet.RunProcess(&Applet, "timeout", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

type outcome struct {
	stdout, stderr string
	status         string // "exit N" or "signal NAME"
}

func runProg(t *testing.T, prog string, env []string, args ...string) outcome {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Args[0] = "timeout"
	cmd.Env = append(append(os.Environ(), "LC_ALL=C"), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.Run()
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	o := outcome{stdout: out.String(), stderr: errb.String()}
	if ws.Signaled() {
		o.status = "signal " + ws.Signal().String()
	} else {
		o.status = "exit " + string(rune('0'+ws.ExitStatus()/100)) + string(rune('0'+ws.ExitStatus()/10%10)) + string(rune('0'+ws.ExitStatus()%10))
	}
	return o
}

func TestAgainstGNU(t *testing.T) {
	gnu, err := exec.LookPath("timeout")
	if err != nil {
		t.Skip("no GNU timeout")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"0.2", "sleep", "5"},
		{"-s", "KILL", "0.2", "sleep", "5"},
		{"--preserve-status", "0.2", "sleep", "5"},
		{"-k", "0.2", "0.2", "sh", "-c", "trap '' TERM; sleep 5"},
		{"--foreground", "-k", "0.2", "0.2", "sh", "-c", "trap '' TERM; sleep 5"},
		// Not compared: a command that signals timeout itself (kill -INT
		// $PPID). How it ends depends on whether the forwarded signal finds
		// sh or what it runs, which varies run by run for GNU as for us.
		{"1", "nosuchcommand-zb"},
		{"1", "/etc/passwd"},
		{"x", "sleep", "1"},
		{"-1", "true"},
		{"1e", "true"},
		{" 1", "true"},
		{"+1", "true"},
		{},
		{"1"},
		{"-v", "0.2", "sleep", "5"},
		{"-v", "-s", "HUP", "0.2", "sleep", "5"},
		{"-s", "FOO", "1", "sleep", "1"},
		{"-k", "x", "1", "true"},
		{"5", "sh", "-c", "kill -USR1 $$"},
		{"5", "sh", "-c", "echo out; echo err >&2; exit 3"},
		{"0", "true"},
		{"1d", "true"},
		{".5s", "true"},
		{"--foreground", "0.2", "sleep", "5"},
		{"0.3", "sh", "-c", "sleep 5 & wait"},
		{"--bogus"},
		// The command starts with no signal ignored, foreground or not.
		{"5", "sh", "-c", "grep SigIgn /proc/$$/status"},
		{"--foreground", "5", "sh", "-c", "grep SigIgn /proc/$$/status"},
	} {
		want := runProg(t, gnu, nil, args...)
		got := runProg(t, self, []string{"ZB_APPLET_UNDER_TEST=1"}, args...)
		if got != want {
			t.Errorf("timeout %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// The whole process group is signalled: a background grandchild that
// would outlive the command is killed with it.
func TestKillsGroup(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cmd := exec.Command(self, "0.2", "sh", "-c", "(sleep 1; echo leaked > "+dir+"/f) & sleep 5")
	cmd.Env = append(os.Environ(), "ZB_APPLET_UNDER_TEST=1")
	cmd.Run()
	if cmd.ProcessState.ExitCode() != 124 {
		t.Errorf("status %v, want 124", cmd.ProcessState)
	}
	time.Sleep(1500 * time.Millisecond)
	if _, err := os.Stat(dir + "/f"); err == nil {
		t.Error("the background grandchild survived the timeout")
	}
}

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"1", time.Second, true}, {"1.5", 1500 * time.Millisecond, true}, {"2m", 2 * time.Minute, true},
		{"1h", time.Hour, true}, {"1d", 24 * time.Hour, true}, {"0", 0, true}, {".5s", 500 * time.Millisecond, true},
		{"-1", 0, false}, {"x", 0, false}, {"", 0, false}, {"1x", 0, false}, {"s", 0, false}, {" 1", time.Second, true}, {"+1", time.Second, true},
	} {
		got, ok := parseDuration(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseDuration(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if got := applettest.Run(&Applet, "", "", nil, "--help"); got.Status != 0 || got.Stdout == "" {
		t.Errorf("--help = %+v", got)
	}
}
