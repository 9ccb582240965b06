// Package applettest runs applets in-process for table-driven tests, and
// runs the real tool they imitate so tests can compare the two.
package applettest

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
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
