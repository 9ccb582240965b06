package poweroff

import (
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// Only the paths that stop before signalling: a test must never ask the
// host's init to power off.
func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"now"}, 1, "poweroff: extra operand 'now'\nTry 'poweroff --help' for more information.\n"},
		{[]string{"-d", "x"}, 1, "poweroff: invalid delay 'x'\nTry 'poweroff --help' for more information.\n"},
		{[]string{"-z"}, 1, "poweroff: invalid option -- 'z'\nTry 'poweroff --help' for more information.\n"},
	} {
		r := applettest.Run(&Applet, "", "", nil, tc.args...)
		if r.Status != tc.status || r.Stderr != tc.stderr {
			t.Errorf("%q: %d %q, want %d %q", tc.args, r.Status, r.Stderr, tc.status, tc.stderr)
		}
	}
	r := applettest.Run(&Applet, "", "", nil, "--help")
	if r.Status != 0 || !strings.HasPrefix(r.Stdout, "Usage: poweroff [-d DELAY] [-n] [-f]\n") || !strings.Contains(r.Stdout, "-f") {
		t.Errorf("--help: %d %q", r.Status, r.Stdout)
	}
}
