package less

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestNotATerminal: into a pipe or a file, less and more copy their input
// as the real ones do (more naming each file), with the same messages.
func TestNotATerminal(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ab"), []byte("a\nb\x08b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		a     *applet.Applet
		stdin string
		args  []string
	}{
		{&Applet, "x\ny\n", nil},
		{&Applet, "", []string{"ab"}},
		{&Applet, "", []string{"ab", "ab"}},
		{&Applet, "", []string{"nosuch", "ab"}},
		{&Applet, "", []string{"d", "ab"}},
		{&More, "x\n", nil},
		{&More, "", []string{"ab"}},
		{&More, "", []string{"ab", "ab"}},
		{&More, "", []string{"nosuch", "ab"}},
		{&More, "", []string{"d", "ab"}},
	} {
		want := applettest.RunTool(t, c.a.Name, dir, c.stdin, nil, c.args...)
		got := applettest.Run(c.a, dir, c.stdin, nil, c.args...)
		if got != want {
			t.Errorf("%s %q:\ngot  %+v\nwant %+v", c.a.Name, c.args, got, want)
		}
	}
}
