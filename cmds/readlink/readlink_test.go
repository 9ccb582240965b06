package readlink

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
	"github.com/zinebox/zinebox/pkg/fsname"
)

// setup adds links that loop and relative links through "..".
func setup(t testing.TB, dir string) {
	for target, name := range map[string]string{
		"loop1": "loop2", "loop2": "loop1", "linkdir/../link": "rel", "d/sub/../../f": "dots",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAgainstGNU(t *testing.T) {
	var cases []fixture.Case
	for _, args := range [][]string{
		{}, {"f"}, {"link"}, {"link", "dangling", "f"}, {"-v", "f"}, {"-v", "link", "nofile"},
		{"-e", "dangling"}, {"-f", "nofile/x"}, {"-f", "loop1"}, {"-e", "loop1"},
		{"-n", "link"}, {"-n", "link", "rel"}, {"-z", "link"}, {"-fv", "nofile/x"}, {"-ev", "nofile"},
		{"-m", ""}, {"-f", ""}, {""}, {"-v", ""}, {"-f", "f/"}, {"-e", "f/"}, {"-f", "link/"}, {"-f", "/"},
		{"-f", "//"}, {"-f", "///tmp//"}, {"-qv", "link", "x"}, {"-sv", "f"}, {"-ev", "f/", "loop1", "d/file/x"},
		{"-v", "d", "dots"}, {"-e", "/proc/self/root/"}, {"-x"}, {"-fv", "f/x", "nodir/y"}, {"-v", "f/x", "--", "-dash"},
	} {
		cases = append(cases, fixture.Case{Args: args, Setup: setup})
	}
	fixture.Compare(t, &Applet, "readlink", fixture.NoTimes, cases)
}

// TestCanonicalize checks the canonical names, which contain the temporary
// directory and so cannot be compared byte for byte in one tree pair.
func TestCanonicalize(t *testing.T) {
	dir := t.TempDir()
	fixture.Build(t, dir)
	setup(t, dir)
	if err := os.Symlink(filepath.Join(dir, "linkdir/sub"), filepath.Join(dir, "abs")); err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(dir)
	for _, tc := range []struct {
		name string
		how  fsname.Mode
		want string // "" for an error
	}{
		{"link", fsname.AllButLast, real + "/f"},
		{"dangling", fsname.AllButLast, real + "/nowhere"},
		{"dangling", fsname.Existing, ""},
		{"dangling/x/y", fsname.Missing, real + "/nowhere/x/y"},
		{"linkdir/sub/../../f", fsname.AllButLast, real + "/f"},
		{"dots", fsname.Existing, real + "/f"},
		{"rel", fsname.Existing, real + "/f"},
		{"abs", fsname.Existing, real + "/d/sub"},
		{"loop1", fsname.Missing, real + "/loop1"},
		{"loop1", fsname.AllButLast, ""},
		{"f/x", fsname.Missing, real + "/f/x"},
		{"f/x", fsname.AllButLast, ""},
		{"linkdir/", fsname.AllButLast, real + "/d"},
		{"link/", fsname.AllButLast, ""},
		{".", fsname.Existing, real},
		{"..", fsname.Missing, filepath.Dir(real)},
		{"/", fsname.Existing, "/"},
		{"/../..", fsname.Existing, "/"},
	} {
		got, err := fsname.Canonicalize(dir, tc.name, tc.how)
		if tc.want == "" && err == nil || tc.want != "" && got != tc.want {
			t.Errorf("Canonicalize(%q, %d) = %q, %v; want %q", tc.name, tc.how, got, err, tc.want)
		}
		// GNU readlink run in the same tree must agree.
		flag := map[fsname.Mode]string{fsname.AllButLast: "-f", fsname.Existing: "-e", fsname.Missing: "-m"}[tc.how]
		r := runGNU(t, dir, flag, tc.name)
		if tc.want != "" && r != tc.want+"\n" || tc.want == "" && r != "" {
			t.Errorf("GNU readlink %s %q = %q, want %q", flag, tc.name, r, tc.want)
		}
	}
}

func runGNU(t *testing.T, dir string, args ...string) string {
	return applettest.RunTool(t, "readlink", dir, "", nil, args...).Stdout
}
