package rm

import (
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	var cases []fixture.Case
	for _, args := range [][]string{
		{}, {"-f"}, {"nofile"}, {"-f", "nofile"}, {"d"}, {"-d", "d"}, {"-d", "empty"},
		{"-v", "f", "d"}, {"-rv", "d"}, {"-r", "d/."}, {"-r", "d/sub/.."}, {"-r", "."}, {"-rf", "./"},
		// The refusals to remove "/" run with -i and no answers (no to
		// everything), so that a regression cannot damage the machine.
		{"-ri", "/"}, {"-ri", "/."}, {"-ri", "--preserve-root", "//"}, {"linkdir/"}, {"-rv", "linkdir/"},
		{"-rv", "linkdir"}, {"empty/"}, {"-r", "--preserve-root=all", "d"}, {"--preserve-root=x", "d"},
		{"-v", "fifo", "f", "sock", "null", "blk", "link", "dangling", "hardlink"}, {"-dv", "empty"},
		{"-r", "d/sub/"}, {"-rf", "nofile", "f"}, {"--interactive=bogus", "f"}, {"--interactive=n", "f"},
		{"-rvd", "empty", "d", "tmp"}, {"-v", "a b", "it's", "new\nline", "é", "--", "-dash"},
		{"-f", "-i", "nofile"}, {"-i", "-f", "nofile"}, {"-v", "nodir/x", "f/x"},
		{"-Rv", "--one-file-system", "d"}, {"-x"},
		// A bad option and an existing file that looks like one: GNU's
		// "Try 'rm ./-dash'" hint (only for option errors).
		{"-dash"}, {"-f", "-x", "-dash"}, {"--bogus", "f", "-dash"}, {"-x", "-nofile"}, {"-dash", "-"},
		// Without -r a directory is refused as one before "." or ".."
		// is looked at; -d on "link/" to a directory with entries.
		{"."}, {"d/."}, {"-f", ".."}, {"-d", "."}, {"-d", "empty/."}, {"-dv", "linkdir/"}, {"-d", "d/.."},
		// -f takes "f/" (ENOTDIR) for a file that is not there.
		{"-f", "f/"}, {"-fv", "f/", "exec"}, {"-rf", "link/"}, {"f/"}, {"-f", "nofile/x", "f/x"},
		// Errors root gets too: /proc/sys refuses to unlink.
		{"/proc/sys/kernel/hostname"}, {"-f", "/proc/sys/kernel/hostname"},
	} {
		cases = append(cases, fixture.Case{Args: args})
	}
	for _, args := range [][]string{
		{"-i", "f", "old", "fifo", "link", "d", "empty", "exec"},
		{"-ri", "d"}, {"-ri", "empty"}, {"-I", "f", "old", "fifo", "exec"}, {"-I", "f", "old", "fifo"},
		{"-I", "-r", "d"}, {"-rI", "d", "empty"}, {"-i", "nofile"}, {"-di", "empty"},
		{"--interactive", "-v", "f", "sock", "null"}, {"--interactive=once", "-r", "d"},
	} {
		for _, answers := range []string{"y\ny\ny\ny\ny\ny\ny\ny\ny\ny\n", "n\nn\nn\nn\nn\nn\nn\nn\nn\n", "y\nn\ny\nn\ny\nn\ny\nn\n", ""} {
			cases = append(cases, fixture.Case{Args: args, Stdin: answers})
		}
	}
	fixture.Compare(t, &Applet, "rm", fixture.NoTimes, cases)
}

// TestLargeTree removes a directory bigger than one getdents buffer.
func TestLargeTree(t *testing.T) {
	dir := t.TempDir()
	fixture.Build(t, dir)
	setup := fixture.Case{Args: []string{"-r", "big"}, Setup: func(t testing.TB, d string) {
		for i := range 1500 {
			fixture.MakeFile(t, d, "big/sub/"+strings.Repeat("x", i%100)+"-"+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676)))
		}
	}}
	fixture.Compare(t, &Applet, "rm", fixture.NoTimes, []fixture.Case{setup})
}

// TestBigDirectoryOrder checks that -i asks about a directory of more
// than 10,000 entries in GNU's order (fts visits such directories by
// inode). Inode numbers differ between trees, so both run on one tree,
// answering yes to descend and no to every file.
func TestBigDirectoryOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 10,000 files")
	}
	dir := t.TempDir()
	fixture.ManyFiles("big", 10050)(t, dir)
	env := []string{"LC_ALL=C"}
	answers := "y\n" + strings.Repeat("n\n", 10050)
	want := applettest.RunTool(t, "rm", dir, answers, env, "-ri", "big")
	got := applettest.Run(&Applet, dir, answers, env, "-ri", "big")
	if got != want || strings.Count(got.Stderr, "?") != 10052 {
		t.Errorf("prompts differ:\n%s", fixture.Diff(got, want))
	}
}
