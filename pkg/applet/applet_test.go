package applet

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
)

// failing is a writer whose every write fails with err.
type failing struct{ err error }

func (f failing) Write([]byte) (int, error) { return 0, f.err }

func newIO(name string, out io.Writer) (*IO, *bytes.Buffer) {
	var errb bytes.Buffer
	return &IO{Name: name, Stdin: strings.NewReader("in"), Stdout: stdio.NewWriter(out, stdio.Full, 0), Stderr: &errb}, &errb
}

var spec = getopt.Spec{Prog: "t", Usage: []string{"[OPTION]..."}, Options: []getopt.Option{{Short: 'a', Long: "all"}}}

func TestParse(t *testing.T) {
	tests := []struct {
		name, args, out, err string
		done                 bool
		status               int
	}{
		{"t", "-a x", "", "", false, 0},
		{"t", "--help", "Usage: t [OPTION]...\n", "", true, 0},
		{"/bin/t", "--help", "Usage: /bin/t [OPTION]...\n", "", true, 0},
		{"t", "--version", "t (zinebox) " + Version + "\n", "", true, 0},
		{"/bin/t", "-z", "", "/bin/t: invalid option -- 'z'\nTry '/bin/t --help' for more information.\n", true, 2},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		o, errb := newIO(tt.name, &out)
		_, done, status := o.Parse(&spec, strings.Fields(tt.args), 2)
		o.Stdout.Flush()
		if done != tt.done || status != tt.status || !strings.HasPrefix(out.String(), tt.out) || errb.String() != tt.err {
			t.Errorf("%s %s: done %v status %d out %q err %q", tt.name, tt.args, done, status, out.String(), errb.String())
		}
	}
}

func TestWriteFailures(t *testing.T) {
	o, errb := newIO("t", failing{syscall.EPIPE})
	o.Stdout.WriteString("x")
	if status := o.Finish(0); status != 141 || errb.Len() != 0 {
		t.Errorf("EPIPE: status %d, stderr %q", status, errb.String())
	}
	o, errb = newIO("t", failing{syscall.ENOSPC})
	o.Stdout.WriteString("x")
	if err := o.Stdout.Flush(); err == nil {
		t.Fatal("flush succeeded")
	} else if status := o.WriteFailed(err); status != 1 {
		t.Errorf("ENOSPC: status %d", status)
	}
	if status := o.Finish(1); status != 1 || strings.Count(errb.String(), "write error") != 1 {
		t.Errorf("reported %q (status %d), want one write error", errb.String(), status)
	}
	if !strings.Contains(errb.String(), "t: write error: No space left on device") {
		t.Errorf("message %q", errb.String())
	}
}

func TestPathAndOpen(t *testing.T) {
	o, _ := newIO("t", io.Discard)
	o.Dir = "/base/"
	for in, want := range map[string]string{"a": "/base/a", "a/": "/base/a/", "/abs": "/abs", "../x": "/base/../x"} {
		if got := o.Path(in); got != want {
			t.Errorf("Path(%q) = %q, want %q", in, got, want)
		}
	}
	r, err := o.Open("-")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(r)
	if string(data) != "in" {
		t.Errorf("Open(-) read %q", data)
	}
	if _, err := o.Open("/nonexistent/x"); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("Open missing: %v", err)
	}
}

func TestEnv(t *testing.T) {
	o := &IO{Env: []string{"A=1", "B=2", "A=3"}}
	if v, ok := o.LookupEnv("A"); v != "3" || !ok {
		t.Errorf("A = %q %v", v, ok)
	}
	if _, ok := o.LookupEnv("C"); ok {
		t.Error("C is set")
	}
}
