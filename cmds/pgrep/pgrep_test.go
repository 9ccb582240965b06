package pgrep

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// family starts, in a session of its own, a shell whose children are
// "zbsleeper 60" and "zbsleeper 61" (sleep under another name, so nothing
// else on the machine matches) and returns the session id.
func family(t *testing.T) string {
	t.Helper()
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep")
	}
	dir := t.TempDir()
	if err := os.Symlink(sleep, filepath.Join(dir, "zbsleeper")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", "zbsleeper 60 & zbsleeper 61; wait")
	cmd.Env = append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"))
	applettest.StartSession(t, cmd)
	sid := strconv.Itoa(cmd.Process.Pid)
	for i := 0; i < 1000; i++ {
		r := applettest.Run(&Applet, "", "", nil, "-c", "-s", sid, "zbsleeper")
		if r.Stdout == "2\n" {
			return sid
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatal("children did not start")
	return ""
}

func TestAgainstProcps(t *testing.T) {
	sid := family(t)
	for _, args := range [][]string{
		{"-s", sid, "zbsleeper"},
		{"-s", sid, "-l", "zb"},
		{"-s", sid, "-a", "sleep"},
		{"-s", sid, "-c", "zbs"},
		{"-s", sid, "-d", ",", "zbsleeper"},
		{"-s", sid, "-x", "zbsleeper"},
		{"-s", sid, "-x", "zbsleep"},
		{"-s", sid, "-f", "zbsleeper 61$"},
		{"-s", sid, "-f", "-x", "zbsleeper 61"},
		{"-s", sid, "-n", "zbsleeper"},
		{"-s", sid, "-o", "-l"},
		{"-s", sid, "-i", "ZBSLEEPER"},
		{"-s", sid, "zb(sl|xx)e+per"},
		{"-s", sid, "^z.*r$"},
		{"-s", sid, "-P", sid},
		{"-s", sid, "-P", sid, "-l", "-r", "S"},
		{"-s", sid, "-u", "0,root", "zbs"},
		{"-s", sid, "nomatch"},
		{"-s", sid, "zbsleeperzbsleeper"},
		{"-s", sid, "("},
		{"-s", sid, "a[b"},
		{},
		{"-s", sid, "a", "b"},
		{"-s", sid, "-w", "zbsleeper"},
		{"-s", sid, "-t", "?", "zbsleeper"}, {"-s", sid, "-t", "-", "zbsleeper"},
		{"-s", sid, "-t", "pts/999"}, {"-s", sid, "-l", "-u", "nosuchuserzb", "zb"},
		{"-s", sid, "-xf", "sh -c.*"},
	} {
		want := applettest.RunTool(t, "pgrep", "", "", nil, args...)
		got := applettest.Run(&Applet, "", "", nil, args...)
		if got != want {
			t.Errorf("pgrep %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// -v negates the whole selection, so it is checked on what we know: the
// shell of our session is listed, its zbsleeper children are not.
func TestInverse(t *testing.T) {
	sid := family(t)
	got := applettest.Run(&Applet, "", "", nil, "-v", "zbsleeper")
	kids := applettest.Run(&Applet, "", "", nil, "-s", sid, "zbsleeper")
	lines := "\n" + got.Stdout
	if !strings.Contains(lines, "\n"+sid+"\n") {
		t.Errorf("pgrep -v zbsleeper lacks the shell %s", sid)
	}
	for _, k := range strings.Fields(kids.Stdout) {
		if strings.Contains(lines, "\n"+k+"\n") {
			t.Errorf("pgrep -v zbsleeper lists zbsleeper %s", k)
		}
	}
}

// sleepers starts n direct children named zbsleeper, so that the test can
// wait for them and see what signal killed them.
func sleepers(t *testing.T, n int) []*exec.Cmd {
	t.Helper()
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep")
	}
	prog := filepath.Join(t.TempDir(), "zbsleeper")
	if err := os.Symlink(sleep, prog); err != nil {
		t.Fatal(err)
	}
	var cmds []*exec.Cmd
	for i := 0; i < n; i++ {
		cmd := exec.Command(prog, strconv.Itoa(60+i))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		cmds = append(cmds, cmd)
	}
	// Wait until they have exec'd (their comm is zbsleeper).
	for _, c := range cmds {
		for i := 0; i < 2000; i++ {
			b, _ := os.ReadFile("/proc/" + strconv.Itoa(c.Process.Pid) + "/comm")
			if string(b) == "zbsleeper\n" {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	return cmds
}

// pkill is only ever aimed at the test's own children (-P our pid).
func TestPkill(t *testing.T) {
	self := strconv.Itoa(os.Getpid())
	for _, tc := range []struct {
		args []string
		sig  syscall.Signal
	}{
		{[]string{"zbsleeper"}, syscall.SIGTERM},
		{[]string{"-9", "zbsleeper"}, syscall.SIGKILL},
		{[]string{"-HUP", "-x", "zbsleeper"}, syscall.SIGHUP},
		{[]string{"--signal", "USR1", "-f", "zbsleeper 6"}, syscall.SIGUSR1},
		{[]string{"-e", "-SIGINT", "zbsleeper"}, syscall.SIGINT},
	} {
		cmds := sleepers(t, 2)
		args := append([]string{"-P", self}, tc.args...)
		got := runPkill(args...)
		if got.Status != 0 {
			t.Errorf("pkill %q = %+v", args, got)
		}
		want := ""
		if tc.args[0] == "-e" {
			for _, c := range cmds {
				want += "zbsleeper killed (pid " + strconv.Itoa(c.Process.Pid) + ")\n"
			}
		}
		if got.Stdout != want {
			t.Errorf("pkill %q printed %q, want %q", args, got.Stdout, want)
		}
		for _, c := range cmds {
			c.Wait()
			ws := c.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() || ws.Signal() != tc.sig {
				t.Errorf("pkill %q: child ended %v, want signal %v", args, c.ProcessState, tc.sig)
			}
		}
	}
	if got := runPkill("-P", self, "nomatch"); got.Status != 1 || got.Stdout != "" {
		t.Errorf("pkill nomatch = %+v", got)
	}
}

func runPkill(args ...string) applettest.Result {
	pk := Applet
	pk.Name = "pkill"
	pk.Main = func(io *applet.IO, a []string) int { return Run(io, a, true) }
	return applettest.Run(&pk, "", "", nil, args...)
}

// The test binary doubles as pkill when asked, to run as another user.
func TestMain(m *testing.M) {
	if os.Getenv("ZB_PKILL_UNDER_TEST") == "1" {
		pk := Applet
		pk.Name = "pkill"
		pk.Main = func(io *applet.IO, a []string) int { return Run(io, a, true) }
		os.Exit(applet.RunProcess(&pk, "pkill", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

// pkill as nobody on root's processes (our own family), with the null
// signal, which only checks the permission: procps's message and status.
func TestPkillPermissionDenied(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run pkill as another user")
	}
	real, err := exec.LookPath("pkill")
	if err != nil {
		t.Skip("no pkill")
	}
	sid := family(t)
	ours := applettest.SelfCopy(t, "pkill")
	run := func(prog string, args ...string) string {
		return applettest.RunAsNobody(t, prog, "pkill", []string{"ZB_PKILL_UNDER_TEST=1"}, args...)
	}
	for _, args := range [][]string{{"--signal", "0", "-s", sid, "zbsleeper"}, {"-0", "-e", "-s", sid, "-x", "zbsleeper"}} {
		want, got := run(real, args...), run(ours, args...)
		if got != want {
			t.Errorf("pkill %q as nobody:\n got %q\nwant %q", args, got, want)
		}
		if !strings.Contains(want, "Operation not permitted") {
			t.Errorf("procps pkill %q as nobody: %q", args, want)
		}
	}
}
