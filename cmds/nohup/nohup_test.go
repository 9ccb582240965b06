package nohup

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
	"golang.org/x/sys/unix"
)

// The test binary doubles as the nohup program when asked, so that tests
// can run it as a real process (it must exec) without building zinebox.
func TestMain(m *testing.M) {
	if os.Getenv("ZB_APPLET_UNDER_TEST") == "1" {
		os.Exit(applet.RunProcess(&Applet, "nohup", os.Args[1:], nil))
	}
	os.Exit(m.Run())
}

type outcome struct {
	tty, stdout, nohupOut, mode string
	status                      int
}

// runWith runs argv (GNU nohup or ours) in a fresh directory with the
// standard streams named by which ("t" terminal, "p" pipe/file) and
// gathers what the terminal showed, standard output, nohup.out and its mode.
func runWith(t *testing.T, argv []string, env []string, which string) outcome {
	t.Helper()
	dir := t.TempDir()
	master, slave := fixture.OpenPTY(t)
	// The terminal must not translate \n to \r\n, so outputs compare.
	tio, err := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if err == nil {
		tio.Oflag &^= unix.OPOST
		unix.IoctlSetTermios(int(slave.Fd()), unix.TCSETS, tio)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Args[0] = "nohup"
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "LC_ALL=C", "HOME="+dir), env...)
	var out bytes.Buffer
	if which[0] == 't' {
		cmd.Stdin = slave
	} else {
		cmd.Stdin = strings.NewReader("input\n")
	}
	if which[1] == 't' {
		cmd.Stdout = slave
	} else {
		cmd.Stdout = &out
	}
	if which[2] == 't' {
		cmd.Stderr = slave
	} else {
		cmd.Stderr = &out
	}
	cmd.Run()
	slave.Close()
	var tty bytes.Buffer
	buf := make([]byte, 4096)
	master.SetReadDeadline(time.Now().Add(2 * time.Second))
	for {
		n, err := master.Read(buf)
		tty.Write(buf[:n])
		if err != nil {
			break
		}
	}
	o := outcome{tty: tty.String(), stdout: out.String(), status: cmd.ProcessState.ExitCode()}
	if b, err := os.ReadFile(filepath.Join(dir, "nohup.out")); err == nil {
		o.nohupOut = string(b)
		st, _ := os.Stat(filepath.Join(dir, "nohup.out"))
		o.mode = st.Mode().String()
	}
	return o
}

// binaries returns GNU nohup and this test binary (which runs our nohup
// under ZB_APPLET_UNDER_TEST), or skips without GNU nohup.
func binaries(t *testing.T) (gnu, self string) {
	gnu, err := exec.LookPath("nohup")
	if err != nil {
		t.Skip("no GNU nohup")
	}
	self, err = os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return gnu, self
}

func TestAgainstGNU(t *testing.T) {
	gnu, self := binaries(t)
	script := `echo out; echo err >&2; cat; echo "cat=$?"; kill -HUP $$; echo survived`
	for _, which := range []string{"ttt", "tpp", "ptt", "ptp", "ppt", "ppp", "tpt"} {
		want := runWith(t, []string{gnu, "sh", "-c", script}, nil, which)
		got := runWith(t, []string{self, "sh", "-c", script}, []string{"ZB_APPLET_UNDER_TEST=1"}, which)
		// GNU's cat message names itself; both run the same cat.
		if got != want {
			t.Errorf("streams %s:\n got %+v\nwant %+v", which, got, want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nosuchcommand-zb"}, {"/etc/passwd"}, {"/nonexistent/x"}, {"--bogus"}} {
		want := applettest.RunTool(t, "nohup", "", "", []string{"LC_ALL=C"}, args...)
		got := applettest.Run(&Applet, "", "", []string{"LC_ALL=C"}, args...)
		if got != want {
			t.Errorf("nohup %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

// When nohup.out can be made neither here nor in $HOME (here /proc, where
// nothing can be created), both failures are reported and the status is
// 125; without HOME only the first.
func TestCannotOpenOutput(t *testing.T) {
	gnu, self := binaries(t)
	run := func(argv []string, env ...string) string {
		master, slave := fixture.OpenPTY(t)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Args[0] = "nohup"
		cmd.Dir = "/proc"
		var kept []string
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "HOME=") {
				kept = append(kept, e)
			}
		}
		cmd.Env = append(append(kept, "LC_ALL=C", "ZB_APPLET_UNDER_TEST=1"), env...)
		var errb bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, &errb
		cmd.Run()
		slave.Close()
		master.Close()
		return errb.String() + "status " + strconv.Itoa(cmd.ProcessState.ExitCode())
	}
	for _, env := range [][]string{{"HOME=/proc"}, nil} {
		want := run([]string{gnu, "echo", "x"}, env...)
		got := run([]string{self, "echo", "x"}, env...)
		if got != want {
			t.Errorf("%q:\n got %q\nwant %q", env, got, want)
		}
	}
}
