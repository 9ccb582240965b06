package count

import (
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
