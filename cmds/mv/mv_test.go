package mv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	var cases []fixture.Case
	for _, args := range [][]string{
		{}, {"f"}, {"nofile", "x"}, {"-v", "f", "x"}, {"-v", "f", "exec"}, {"f", "f"}, {"f", "hardlink"},
		{"-v", "f", "d"}, {"-v", "d", "empty"}, {"-v", "d", "x"}, {"d", "f"}, {"f", "empty/"}, {"-T", "f", "d"},
		{"d", "d/sub"}, {"d", "tmp"}, {"-vn", "f", "exec"}, {"-bv", "f", "exec"}, {"-v", "link", "x"},
		{"-t", "empty", "f", "exec"}, {"-v", "f", "exec", "nodir"}, {"-fv", "f", "exec"}, {"f", "nodir/x"},
		{"-v", "tmp", "d/"}, {"-v", "d/", "x"}, {"-u", "old", "f"}, {"-uv", "f", "old"}, {".", "x"},
		{"d/..", "x"}, {"-v", "fifo", "sock", "null", "dangling", "linkdir", "d"}, {"--backup=t", "-v", "f", "exec"},
		{"-b", "-n", "f", "exec"}, {"-v", "a b", "it's", "new\nline", "é", "--", "-dash", "empty"},
		{"-T", "d", "empty"}, {"-T", "d", "tmp"}, {"--strip-trailing-slashes", "-v", "d///", "x"}, {"-x"},
		{"-vt", "f", "exec"}, {"-v", "linkdir/", "x"}, {"-v", "link/", "x"},
		{"f", "/proc/sys/zz"}, {"-v", "d", "/proc/sys/zz"},
		// A link onto its target loses the data, unless the target has
		// another name; destinations ending in / that name a file.
		{"link", "f"}, {"-v", "link", "hardlink"}, {"-b", "link", "f"}, {"f", "link"}, {"f", "exec/"}, {"-v", "f", "link/"},
	} {
		cases = append(cases, fixture.Case{Args: args})
	}
	for _, answers := range []string{"y\n", "n\n", ""} {
		for _, args := range [][]string{{"-i", "f", "exec"}, {"-iv", "f", "nofile"}, {"-f", "-i", "f", "exec"}, {"-i", "-n", "f", "exec"}} {
			cases = append(cases, fixture.Case{Args: args, Stdin: answers})
		}
	}
	fixture.Compare(t, &Applet, "mv", fixture.MTime, cases)
}

// TestAcrossFileSystems moves into /dev/shm (tmpfs), where rename(2)
// fails with EXDEV and mv copies and removes.
func TestAcrossFileSystems(t *testing.T) {
	if _, err := os.Stat("/dev/shm"); err != nil {
		t.Skip("no /dev/shm")
	}
	run := func(tool bool) (applettest.Result, string, string) {
		dir := t.TempDir()
		fixture.Build(t, dir)
		shm, err := os.MkdirTemp("/dev/shm", "mvtest")
		if err != nil {
			t.Skip(err)
		}
		t.Cleanup(func() { os.RemoveAll(shm) })
		// A set-group-ID directory: the directories moved into it keep
		// the bit they inherit there, since GNU mv sets their permission
		// bits as an ACL, not with chmod.
		if err := os.Chmod(shm, 0o755|os.ModeSetgid); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(shm, filepath.Join(dir, "shm")); err != nil {
			t.Fatal(err)
		}
		args := []string{"-v", "d", "f", "hardlink", "link", "fifo", "sock", "suid", "old", "shm/"}
		env := []string{"LC_ALL=C"}
		var r applettest.Result
		if tool {
			r = applettest.RunTool(t, "mv", dir, "", env, args...)
		} else {
			r = applettest.Run(&Applet, dir, "", env, args...)
		}
		os.Remove(filepath.Join(dir, "shm")) // its target differs between the runs
		return r, fixture.Snapshot(t, dir, fixture.MTime), fixture.Snapshot(t, shm, fixture.MTime)
	}
	got, gotSrc, gotDst := run(false)
	want, wantSrc, wantDst := run(true)
	got.Stdout, want.Stdout = fixture.SortLines(got.Stdout), fixture.SortLines(want.Stdout)
	if got != want {
		t.Errorf("output differs:\n%s\nours:\n%s\nGNU:\n%s", fixture.Diff(got, want), got.Stdout, want.Stdout)
	}
	if gotSrc != wantSrc || gotDst != wantDst {
		t.Errorf("trees differ:\n%s", fixture.LineDiff(gotSrc+"\n"+gotDst, wantSrc+"\n"+wantDst))
	}
}
