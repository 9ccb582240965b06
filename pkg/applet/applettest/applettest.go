// Package applettest runs applets in-process for table-driven tests, and
// runs the real tool they imitate so tests can compare the two.
package applettest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/stdio"
)

// Result is what a run produced.
type Result struct {
	Stdout string
	Stderr string
	Status int
}

// Run runs a in-process with args, stdin as standard input, the process's
// environment plus env, and dir as the working directory for relative paths.
func Run(a *applet.Applet, dir string, stdin string, env []string, args ...string) Result {
	var out, errb bytes.Buffer
	o := &applet.IO{
		Name:   a.Name,
		Stdin:  strings.NewReader(stdin),
		Stdout: stdio.NewWriter(&out, stdio.Full, 0),
		Stderr: &errb,
		Env:    append(os.Environ(), env...),
		Dir:    dir,
	}
	status := o.Finish(a.Main(o, args))
	return Result{out.String(), errb.String(), status}
}

// RunTool runs the real program prog with args in dir and returns what it
// produced, or skips the test if prog is not installed. Messages that name
// the program by its path are not rewritten: callers pass a bare name.
func RunTool(t testing.TB, prog, dir, stdin string, env []string, args ...string) Result {
	t.Helper()
	path, err := exec.LookPath(prog)
	if err != nil {
		t.Skipf("%s not installed", prog)
	}
	cmd := exec.Command(path, args...)
	cmd.Args[0] = prog
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "LC_ALL=C"), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	status := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running %s: %v", prog, err)
		}
		status = ee.ExitCode()
	}
	return Result{out.String(), errb.String(), status}
}

// Case is one row of a differential table: the same arguments, input and
// environment given to our applet and to the real tool.
type Case struct {
	Name  string
	Args  []string
	Stdin string
	Env   []string
}

// Compare runs every case through a (in-process, in dir) and through the
// real program tool (in dir, LC_ALL=C) and requires identical standard
// output, standard error and exit status. It skips when tool is absent.
func Compare(t *testing.T, a *applet.Applet, tool, dir string, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			env := append([]string{"LC_ALL=C"}, c.Env...)
			want := RunTool(t, tool, dir, c.Stdin, env, c.Args...)
			got := Run(a, dir, c.Stdin, env, c.Args...)
			if got != want {
				t.Errorf("%s %q:\n got: status %d\nstdout %q\nstderr %q\nwant: status %d\nstdout %q\nstderr %q",
					a.Name, c.Args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
			}
		})
	}
}

// Files makes a fresh directory holding the named files with the given
// contents (names may contain slashes) and returns its path.
func Files(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := dir + "/" + name
		if i := strings.LastIndexByte(path, '/'); i > len(dir) {
			if err := os.MkdirAll(path[:i], 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Fixtures are the text files most tests of text tools share: ordinary
// lines, no final newline, blank runs, tabs and control characters, high
// bytes, UTF-8, CRLF, a long line, and an empty file.
func Fixtures(t testing.TB) string {
	return Files(t, map[string]string{
		"lines":  "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n",
		"noeol":  "first\nlast without newline",
		"blanks": "a\n\n\n\nb\n\n c\n\n",
		"ctrl":   "tab\there\x01\x1b[0m\x7f\r\n\x80\xff\xc3\xa9t\xc3\xa9\n\f\vend\n",
		"utf8":   "h\xc3\xa9llo w\xc3\xb6rld\n\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\n",
		"crlf":   "dos\r\nline\r\n",
		"long":   strings.Repeat("0123456789 ", 9000) + "\n",
		"empty":  "",
		"words":  "  leading and   trailing  \n\t\ttabs\tand\vvt\n",
		"sub/in": "nested\n",
		"nul":    "a\x00b\x00c\n",
	})
}

// Binary builds the zinebox multicall binary once per test process and
// returns its path, for tests that need a real process: exec, signals,
// threads, terminals. The build uses the module's go.mod, found by `go env
// GOMOD`, so it works from any package's test.
func Binary(t testing.TB) string {
	t.Helper()
	built.once.Do(func() {
		gomod, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil {
			built.err = err
			return
		}
		root := filepath.Dir(strings.TrimSpace(string(gomod)))
		dir, err := os.MkdirTemp("", "zinebox-bin")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "zinebox")
		cmd := exec.Command("go", "build", "-o", built.path, "./cmds/zinebox")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("building zinebox: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// built is the one binary of this test process: tests share it, as they
// share the go build cache, and the temporary directory lives until the
// machine cleans /tmp.
var built struct {
	once sync.Once
	path string
	err  error
}

// StartSession starts cmd as the leader of a new session, so that the
// processes it forks are a known group, and kills that whole group when
// the test ends.
func StartSession(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	})
}

// SelfCopy copies the test binary to a file called name in a directory
// any user may enter (t.TempDir and its parent are 0700), for tests that
// run it as another user, and returns the copy's path.
func SelfCopy(t testing.TB, name string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o755); err != nil {
		t.Fatal(err)
	}
	for d := dir; d != os.TempDir() && d != "/"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	return path
}

// RunAsNobody runs prog with args as user and group 65534 (nobody), in
// the C locale with env added, argv[0] set to argv0 when it is not empty,
// and returns its standard output and error together followed by
// "status N", so that one string compares two tools' whole behaviour.
func RunAsNobody(t testing.TB, prog, argv0 string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(prog, args...)
	if argv0 != "" {
		cmd.Args[0] = argv0
	}
	cmd.Env = append(append(os.Environ(), env...), "LC_ALL=C")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	status := 0
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", prog, err)
	}
	return out.String() + "status " + strconv.Itoa(status)
}
