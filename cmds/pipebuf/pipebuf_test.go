package pipebuf

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestFillsThePipe checks the count against the kernel's own figure for
// the default capacity: a page-aligned size no smaller than 4096 and, on
// any Linux since 2.6.35, 16 pages.
func TestFillsThePipe(t *testing.T) {
	pageSize := os.Getpagesize()
	tests := []struct {
		args []string
		want int
	}{
		{nil, 16 * pageSize},
		{[]string{"-c", "4096"}, 16 * pageSize},
		// Writes of up to PIPE_BUF bytes are atomic, and the kernel fills
		// a pipe page by page: a 1000-byte write that does not fit in what
		// is left of a page starts the next one. 4 such writes per page.
		{[]string{"-c", "1000"}, 16 * (pageSize / 1000) * 1000},
		{[]string{"-s", "8192"}, 2 * pageSize},
		{[]string{"--size=100000", "-c", "65536"}, 32 * pageSize},
	}
	for _, tt := range tests {
		r := applettest.Run(&Applet, "", "", nil, tt.args...)
		if r.Status != 0 {
			t.Fatalf("pipebuf %q: %+v", tt.args, r)
		}
		capacity := max(tt.want, 16*pageSize)
		if tt.args != nil && tt.args[0] != "-c" {
			capacity = tt.want
		}
		want := "pipe capacity (fcntl F_GETPIPE_SZ): " + strconv.Itoa(capacity) + " bytes\nwrote " + strconv.Itoa(tt.want) + " bytes in "
		if !strings.HasPrefix(r.Stdout, want) {
			t.Errorf("pipebuf %q:\n%s\nwant prefix %q", tt.args, r.Stdout, want)
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, args := range [][]string{{"-c", "0"}, {"-c", "x"}, {"-s", "-1"}, {"extra"}, {"-q"}} {
		if r := applettest.Run(&Applet, "", "", nil, args...); r.Status == 0 || r.Stderr == "" {
			t.Errorf("pipebuf %q: %+v", args, r)
		}
	}
}
