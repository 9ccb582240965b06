package pwd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

// TestAgainstGNU runs both in the fixture's d directory reached through
// the symbolic link linkdir, with various $PWD values.
func TestAgainstGNU(t *testing.T) {
	dir := t.TempDir()
	fixture.Build(t, dir)
	wd := filepath.Join(dir, "linkdir")
	for _, tc := range []struct {
		pwd  string
		args []string
	}{
		{wd, nil}, {wd, []string{"-L"}}, {wd, []string{"-P"}}, {wd, []string{"-LP"}}, {wd, []string{"-PL"}},
		{wd + "/.", []string{"-L"}}, {wd + "/../linkdir", []string{"-L"}}, {"linkdir", []string{"-L"}},
		{filepath.Join(dir, "d"), []string{"-L"}}, {filepath.Join(dir, "empty"), []string{"-L"}},
		{wd, []string{"-L", "extra"}}, {wd, []string{"-x"}}, {"", []string{"-L"}},
		{wd + "//", []string{"-L"}},
	} {
		env := []string{"PWD=" + tc.pwd, "LC_ALL=C"}
		got := applettest.Run(&Applet, wd, "", env, tc.args...)
		want := applettest.RunTool(t, "pwd", wd, "", env, tc.args...)
		if got != want {
			t.Errorf("PWD=%s pwd %q:\n ours: %+v\n  GNU: %+v", tc.pwd, tc.args, got, want)
		}
	}
	env := []string{"PWD=" + wd, "POSIXLY_CORRECT=1", "LC_ALL=C"}
	if got, want := applettest.Run(&Applet, wd, "", env), applettest.RunTool(t, "pwd", wd, "", env); got != want {
		t.Errorf("POSIXLY_CORRECT: ours %+v, GNU %+v", got, want)
	}
}

// TestProcessDir checks the process's own directory when IO.Dir is empty.
func TestProcessDir(t *testing.T) {
	want, err := filepath.EvalSymlinks(".")
	if err != nil {
		t.Fatal(err)
	}
	want, _ = filepath.Abs(want)
	os.Setenv("PWD", "/nonexistent")
	if r := applettest.Run(&Applet, "", "", nil); r.Stdout != want+"\n" || r.Status != 0 {
		t.Errorf("got %+v, want %q", r, want)
	}
}
