package tee

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestLikeGNU(t *testing.T) {
	// Each case runs in a fresh copy of the directory, since tee writes.
	cases := []struct {
		name  string
		args  []string
		stdin string
		files []string // files whose contents must match afterwards
	}{
		{"stdout only", nil, "a\nb\n", nil},
		{"one file", []string{"out"}, "hello\n", []string{"out"}},
		{"two files", []string{"o1", "o2"}, "x\ny", []string{"o1", "o2"}},
		{"truncates", []string{"existing"}, "new\n", []string{"existing"}},
		{"append", []string{"-a", "existing"}, "more\n", []string{"existing"}},
		{"missing dir", []string{"nodir/f", "ok"}, "data\n", []string{"ok"}},
		{"directory", []string{"sub"}, "data\n", nil},
		{"same file twice", []string{"twice", "twice"}, "t\n", []string{"twice"}},
		{"dash is a file", []string{"-"}, "dash\n", nil},
		{"bad option", []string{"-x"}, "", nil},
		{"bad output-error", []string{"--output-error=x"}, "", nil},
		{"p", []string{"-p", "pout"}, "p\n", []string{"pout"}},
		{"full device", []string{"/dev/full", "after"}, "lost\n", []string{"after"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fixture := map[string]string{"existing": "old\n", "sub/x": ""}
			ours := applettest.Files(t, fixture)
			theirs := applettest.Files(t, fixture)
			env := []string{"LC_ALL=C"}
			want := applettest.RunTool(t, "tee", theirs, c.stdin, env, c.args...)
			got := applettest.Run(&Applet, ours, c.stdin, env, c.args...)
			if got != want {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
			for _, f := range c.files {
				g, _ := os.ReadFile(filepath.Join(ours, f))
				w, _ := os.ReadFile(filepath.Join(theirs, f))
				if string(g) != string(w) {
					t.Errorf("%s: got %q, want %q", f, g, w)
				}
			}
		})
	}
}
