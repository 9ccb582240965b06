package chmod

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

// tests run on a fresh fixture tree each, once with our chmod and once with
// GNU chmod; output, status and the resulting trees must be identical.
// Runs are as root, so "Permission denied" cases cannot be reproduced here.
var tests = [][]string{
	{},
	{"644"},
	{"-w"},
	{"--reference=f"},
	{"--reference=nofile", "f"},
	{"--reference=suid", "f", "d"},
	{"--reference=f", "644", "exec"},
	{"q+z", "f"},
	{"8", "f"},
	{"u+", "f"},
	{"", "f"},
	{"644", "nofile", "f"},
	{"-v", "644", "f", "exec", "nofile"},
	{"-c", "644", "f", "exec", "nofile"},
	{"-f", "644", "nofile"},
	{"-v", "u+s", "f", "suid", "sgid"},
	{"-v", "g+s,o+t", "f", "tmp", "tmpnox"},
	{"-v", "755", "sgiddir", "d"},
	{"-v", "00755", "sgiddir"},
	{"-v", "a-x", "a b", "it's", "é", "new\nline", "--", "-dash"},
	{"-w", "f", "exec", "a b", "new\nline"},
	{"-rw", "f"},
	{"-x", "-w", "exec"},
	{"-w", "--", "-dash"},
	{"-Rw", "f"},
	{"644", "-w", "f"},
	{"-v", "600", "sock", "fifo", "null", "blk"},
	{"-v", "600", "link", "dangling"},
	{"-v", "-R", "700", "linkdir"},
	{"-R", "-v", "go-rwx", "d"},
	{"-R", "-c", "u=rwx,g=rx,o=", "d", "tmp"},
	{"-R", "755", "d", "link"},
	{"-R", "a+rX", "d"},
	{"-R", "-v", "=", "d/"},
	// The refusals to work on "/" use a mode that would change nothing on
	// a normal system, so that a regression cannot damage the machine.
	{"-R", "--preserve-root", "u+r", "/"},
	{"-R", "--preserve-root", "u+r", "/."},
	// As root, permission errors come only from special file systems:
	// /proc/sys refuses chmod even to root (u+r would change nothing).
	{"-v", "u+r", "/proc/sys/kernel", "f"}, {"-c", "u+r", "/proc/sys/kernel"}, {"-f", "u+r", "/proc/sys/kernel"},
	{"-v", "--reference", "suid", "f"},
	{"g=u", "none", "all", "suid"},
	{"-v", "+t", "exec", "d"},
	{"-v", "a=", "all"},
	{"+755", "f", "-v"},
	{"--preserve-root", "-v", "u-s", "suid"},
	{"-v", "u=rw,-x", "exec"},
	{"-z", "644", "f"},
	{"--bogus", "f"},
	{"-v", "600", "f/", "linkdir/", "link/", "d/.", "d/sub/..", ""},
	{"-R", "700", "linkdir/"},
}

func TestAgainstGNU(t *testing.T) {
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ours := t.TempDir()
			fixture.Build(t, ours)
			got := applettest.Run(&Applet, ours, "", []string{"LC_ALL=C"}, args...)
			theirs := t.TempDir()
			fixture.Build(t, theirs)
			want := applettest.RunTool(t, "chmod", theirs, "", nil, args...)
			if got != want {
				t.Errorf("chmod %q:\n ours: %+v\n  GNU: %+v", args, got, want)
			}
			if a, b := fixture.Snapshot(t, ours, fixture.NoTimes), fixture.Snapshot(t, theirs, fixture.NoTimes); a != b {
				t.Errorf("chmod %q left different trees:\n ours:\n%s\n GNU:\n%s", args, a, b)
			}
		})
	}
}

// TestFailedModeChangesNothing checks that an invalid mode, even one whose
// first clause is valid, leaves every file as it was.
func TestFailedModeChangesNothing(t *testing.T) {
	dir := t.TempDir()
	fixture.Build(t, dir)
	before := fixture.Snapshot(t, dir, fixture.NoTimes)
	for _, m := range []string{"u+x,q", "a=rwx,", "u+x,777", "0778"} {
		if r := applettest.Run(&Applet, dir, "", nil, "-R", m, "d", "f"); r.Status != 1 {
			t.Errorf("chmod %s: status %d", m, r.Status)
		}
	}
	if after := fixture.Snapshot(t, dir, fixture.NoTimes); after != before {
		t.Errorf("tree changed:\n%s\n%s", before, after)
	}
}

// TestLargeTree checks -R over a directory bigger than one getdents buffer
// against the expected modes.
func TestLargeTree(t *testing.T) {
	dir := t.TempDir()
	for i := range 3000 {
		p := filepath.Join(dir, "d", strings.Repeat("n", 1+i%200)+string(rune('a'+i%26))+string(rune('a'+i/26%26))+string(rune('a'+i/676)))
		if i == 0 {
			os.Mkdir(filepath.Dir(p), 0o700)
		}
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if r := applettest.Run(&Applet, dir, "", nil, "-R", "751", "d"); r.Status != 0 || r.Stderr != "" {
		t.Fatalf("%+v", r)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "d"))
	if len(entries) != 3000 {
		t.Fatalf("%d entries", len(entries))
	}
	for _, e := range entries {
		info, _ := e.Info()
		if info.Mode().Perm() != 0o751 {
			t.Fatalf("%s: %v", e.Name(), info.Mode())
		}
	}
}

// TestBigDirectoryOrder checks that -v reports a directory of more than
// 10,000 entries in GNU's order (fts visits such directories by inode).
// Inode numbers differ between trees, so both run on one tree and the
// order of the names is compared.
func TestBigDirectoryOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 10,000 files")
	}
	dir := t.TempDir()
	fixture.ManyFiles("big", 10050)(t, dir)
	env := []string{"LC_ALL=C"}
	want := applettest.RunTool(t, "chmod", dir, "", env, "-Rv", "640", "big")
	got := applettest.Run(&Applet, dir, "", env, "-Rv", "600", "big")
	names := func(out string) []string {
		var list []string
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Split(l, "'"); len(f) > 2 {
				list = append(list, f[1])
			}
		}
		return list
	}
	g, w := names(got.Stdout), names(want.Stdout)
	if len(w) != 10051 || strings.Join(g, " ") != strings.Join(w, " ") {
		t.Errorf("order differs: ours %d names starting %q, GNU %d starting %q", len(g), g[:3], len(w), w[:3])
	}
}
