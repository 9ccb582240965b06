package ls

import (
	"bytes"
	ptyfixture "github.com/zinebox/zinebox/pkg/fixture"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair with the given width.
func openPTY(t *testing.T, cols uint16) (master, slave *os.File) {
	t.Helper()
	m, s := ptyfixture.OpenPTY(t)
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: cols}); err != nil {
		t.Fatal(err)
	}
	return m, s
}

// runInPTY runs argv with its stdout on a terminal cols wide and returns
// what it wrote there (with the terminal's \r\n), its stderr and status.
func runInPTY(t *testing.T, cols uint16, dir string, env []string, argv ...string) (string, string, int) {
	t.Helper()
	m, s := openPTY(t, cols)
	defer m.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout = s
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(m) // ends with EIO once the child has gone
		done <- b
	}()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	status := 0
	if err := cmd.Wait(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			status = ee.ExitCode()
		} else {
			t.Fatal(err)
		}
	}
	return string(<-done), stderr.String(), status
}

// ourselves returns the argv that runs our ls as a real process: this test
// binary, which TestMain turns into ls.
func ourselves(t *testing.T) string {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return exe
}

// TestTerminal compares the terminal-dependent behaviour with GNU ls, both
// writing to a real pseudo-terminal: columns from the terminal's width
// (which wins over COLUMNS), shell-escape quoting with aligned names,
// ? for unprintable bytes, --color=auto and -F=auto.
func TestTerminal(t *testing.T) {
	gnu, err := exec.LookPath("ls")
	if err != nil {
		t.Skip("ls not installed")
	}
	dir := fixture(t)
	cases := []struct {
		cols uint16
		env  []string
		args []string
	}{
		{80, nil, nil},
		{40, nil, nil},
		{200, nil, nil},
		{80, []string{"COLUMNS=30"}, nil},
		{80, nil, []string{"-l"}},
		{80, nil, []string{"-x"}},
		{80, nil, []string{"-1"}},
		{80, nil, []string{"-m"}},
		{80, nil, []string{"-F"}},
		{80, nil, []string{"--classify=auto"}},
		{80, nil, []string{"--color=auto"}},
		{60, nil, []string{"--color=auto", "-l"}},
		{80, []string{"TERM=dumb"}, []string{"--color=auto"}},
		{80, nil, []string{"-w", "50"}},
		{80, nil, []string{"-N"}},
		{80, nil, []string{"--show-control-chars"}},
		{80, nil, []string{"-b"}},
		{80, nil, []string{"-R", "sub"}},
		{80, nil, []string{"-i", "sub"}},
		{80, []string{"LC_ALL=C.UTF-8"}, nil},
		{60, []string{"LC_ALL=C.UTF-8"}, []string{"-l"}},
		{80, []string{"LC_ALL=C.UTF-8"}, []string{"-x", "--color=auto"}},
		{80, []string{"LC_ALL=C.UTF-8"}, []string{"-N"}},
		{80, []string{"LC_ALL=C.UTF-8"}, []string{"-m"}},
	}
	for _, tc := range cases {
		env := append(env("UTC"), tc.env...)
		gotOut, gotErr, gotSt := runInPTY(t, tc.cols, dir, append(env, "ZINEBOX_LS_CHILD=1"), append([]string{ourselves(t)}, tc.args...)...)
		wantOut, wantErr, wantSt := runInPTY(t, tc.cols, dir, env, append([]string{gnu}, tc.args...)...)
		wantErr = strings.ReplaceAll(wantErr, gnu+":", "ls:")
		if gotOut != wantOut || gotErr != wantErr || gotSt != wantSt {
			t.Errorf("ls %q on a %d-column terminal %q:\n--- ours (%d)\n%q\n%s--- GNU (%d)\n%q\n%s",
				tc.args, tc.cols, tc.env, gotSt, gotOut, gotErr, wantSt, wantOut, wantErr)
		}
	}
}

// TestPermissions runs both tools as the unprivileged user nobody (root
// would bypass the permission checks), through setpriv(1).
func TestPermissions(t *testing.T) {
	gnu, err := exec.LookPath("ls")
	if err != nil {
		t.Skip("ls not installed")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil || !isRoot {
		t.Skip("needs root and setpriv to become nobody")
	}
	base := t.TempDir()
	// nobody must reach the directory and run a copy of this binary.
	for p := base; p != "/" && p != os.TempDir(); p = filepath.Dir(p) {
		os.Chmod(p, 0o755)
	}
	exe := filepath.Join(base, "ls.test")
	data, err := os.ReadFile(ourselves(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "tree")
	for _, d := range []string{"tree", "tree/locked", "tree/noexec", "tree/open", "tree/open/inner"} {
		if err := os.Mkdir(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"locked/f", "noexec/f", "noexec/g", "open/f", "open/inner/deep"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Chmod(filepath.Join(dir, "locked"), 0o700) // nobody: no read, no search
	os.Chmod(filepath.Join(dir, "noexec"), 0o744) // nobody: read, no search
	os.Chmod(filepath.Join(dir, "open/inner"), 0o700)
	priv := []string{setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"}
	for _, args := range [][]string{
		{"locked"},
		{"locked", "open"},
		{"-R"},
		{"-lR", "open"},
		{"locked/f"},
		{"noexec"},
		{"-l", "noexec"},
		{"-i", "noexec"},
		{"-F", "noexec"},
		{"-d", "locked"},
		{"open", "locked", "noexec/f"},
	} {
		e := env("UTC")
		run := func(argv ...string) (string, string, int) {
			cmd := exec.Command(argv[0], argv[1:]...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), e...)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			status := 0
			if err := cmd.Run(); err != nil {
				ee, ok := err.(*exec.ExitError)
				if !ok {
					t.Fatal(err)
				}
				status = ee.ExitCode()
			}
			return out.String(), errb.String(), status
		}
		e = append(e, "ZINEBOX_LS_CHILD=1")
		gotOut, gotErr, gotSt := run(append(append(priv, exe), args...)...)
		e = e[:len(e)-1]
		wantOut, wantErr, wantSt := run(append(append(priv, gnu), args...)...)
		wantErr = strings.ReplaceAll(wantErr, gnu+":", "ls:")
		if gotOut != wantOut || gotErr != wantErr || gotSt != wantSt {
			t.Errorf("ls %q as nobody:\n--- ours (%d)\n%s%s--- GNU (%d)\n%s%s",
				args, gotSt, gotOut, gotErr, wantSt, wantOut, wantErr)
		}
	}
}
