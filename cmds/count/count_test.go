package count

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestCount(t *testing.T) {
	tests := []struct {
		args   []string
		out    string
		status int
	}{
		{[]string{"-i", "0", "3"}, "1\n2\n3\n", 0},
		{[]string{"--interval=0s", "0"}, "", 0},
		{[]string{"-i", "0"}, "1\n2\n3\n4\n5\n", 0},
		{[]string{"-i", "x", "1"}, "", 1},
		{[]string{"-i", "0", "-1"}, "", 1},
		{[]string{"-i", "0", "1", "2"}, "", 1},
	}
	for _, tt := range tests {
		r := applettest.Run(&Applet, "", "", nil, tt.args...)
		if r.Stdout != tt.out || r.Status != tt.status || (tt.status != 0) != (r.Stderr != "") {
			t.Errorf("count %q = %+v, want %q status %d", tt.args, r, tt.out, tt.status)
		}
	}
}

// TestBuffering is the buffering lesson, counted in write(2) calls with
// strace: into a pipe, count's three lines leave in one write at exit;
// under stdbuf -oL (_STDBUF_O=L) and on a terminal, one write a line.
func TestBuffering(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("no strace")
	}
	bin := applettest.Binary(t)
	writes := func(env []string, args ...string) []string {
		t.Helper()
		log := filepath.Join(t.TempDir(), "trace")
		cmd := exec.Command(strace, append([]string{"-f", "-e", "trace=write", "-e", "signal=none", "-o", log, bin}, args...)...)
		cmd.Env = append(os.Environ(), env...)
		var out strings.Builder
		cmd.Stdout = &out // a pipe
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if out.String() != "1\n2\n3\n" {
			t.Errorf("%v printed %q", args, out.String())
		}
		data, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		return regexp.MustCompile(`write\(1, "([^"]*)"`).FindAllString(string(data), -1)
	}
	if w := writes(nil, "count", "-i", "0", "3"); len(w) != 1 {
		t.Errorf("into a pipe: %d writes %q, want 1", len(w), w)
	}
	if w := writes([]string{"_STDBUF_O=L"}, "count", "-i", "0", "3"); len(w) != 3 {
		t.Errorf("_STDBUF_O=L: %d writes %q, want 3", len(w), w)
	}
	if w := writes(nil, "stdbuf", "-oL", bin, "count", "-i", "0", "3"); len(w) != 3 {
		t.Errorf("stdbuf -oL: %d writes %q, want 3", len(w), w)
	}
}
