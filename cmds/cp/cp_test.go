package cp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"github.com/zinebox/zinebox/pkg/fixture"
)

func TestAgainstGNU(t *testing.T) {
	fixture.Compare(t, &Applet, "cp", fixture.NoTimes, fixture.Args(
		[]string{}, []string{"f"}, []string{"nofile", "x"}, []string{"f", "exec", "h"}, []string{"f", "exec", "link"},
		[]string{"d", "x"}, []string{"-r", "d", "x"}, []string{"-v", "f", "x"},
		[]string{"-v", "suid", "sgid", "ugs", "all", "d"}, []string{"f", "f"}, []string{"f", "hardlink"},
		[]string{"-f", "f", "hardlink"}, []string{"f", "nodir/x"}, []string{"f", "d"}, []string{"d/", "nodir/"},
		[]string{"-rv", "f", "d"},
		[]string{"f", "d/sub/"}, []string{"-T", "f", "d"}, []string{"-v", "link", "x"},
		[]string{"-rv", "link", "linkdir", "dangling", "empty"}, []string{"-Pv", "link", "x"}, []string{"-Pv", "link", "exec"},
		[]string{"-nv", "f", "exec"}, []string{"-rv", "fifo", "sock", "null", "blk", "x"}, []string{"-t", "empty", "f", "exec"},
		[]string{"-vt", "f", "exec"}, []string{"-bv", "f", "exec"}, []string{"--backup=numbered", "-v", "f", "exec"},
		[]string{"-r", "empty", "f"}, []string{"dangling", "x"}, []string{"-L", "dangling", "x"},
		[]string{"--preserve=bogus", "f", "x"}, []string{"--preserve=m", "f", "x"}, []string{"-rl", "d", "x"},
		[]string{"-s", "f", "d/x"}, []string{"-sv", "f", "x"}, []string{"-v", "f", "link"}, []string{"-av", "f", "link", "exec"}, []string{"-v", "--remove-destination", "f", "exec"},
		[]string{"-fv", "link", "exec"}, []string{"--no-preserve=mode", "-pv", "suid", "y"},
		[]string{"-v", "f", "f2", "nodir"}, []string{"-v", "sock", "x"}, []string{"-v", "a b", "it's", "new\nline", "é", "d"},
		[]string{"-a", "hardlink", "f", "empty"}, []string{"-rd", "d", "x"}, []string{"-u", "old", "f"}, []string{"-uv", "f", "old"},
		[]string{"-l", "link", "x"}, []string{"-lv", "f", "-P", "link", "d"}, []string{"-x"}, []string{"-lsv", "f", "x"},
		[]string{"-p", "suid", "none", "d"}, []string{"-a", "tmp", "sgiddir", "d"}, []string{"-r", "tmp", "sgiddir", "d"},
		[]string{"-v", "sticky", "stickynox", "ugs", "d"},
		[]string{"f", "/proc/sys/zz"},
		[]string{"-v", "--parents", "d/sub/x.sh", "empty"}, []string{"--parents", "d/file", "d/sub/x.sh"},
		[]string{"--parents", "f"}, []string{"-Tv", "--parents", "f", "empty"},
		[]string{"-pv", "--parents", "d/sub/deep/leaf", "tmp"}, []string{"-v", "--parents", "d/file", "d/sub/x.sh", "empty"},
		// GNU cp sets preserved permission bits as an ACL, not with
		// chmod(2), and leaves the owner of a file that has it: the
		// set-group-ID bit of a directory made in sgiddir stays, and so
		// do the set-ID bits of a file overwritten with -p.
		[]string{"-a", "d", "sgiddir/"}, []string{"-r", "d", "sgiddir/"}, []string{"-p", "f", "ugs"},
		[]string{"-p", "exec", "ugsnox"}, []string{"--preserve=mode", "f", "sgid"}, []string{"-a", "suidnox", "sgid"},
		[]string{"-r", "--preserve=ownership", "d", "sgiddir/x"}, []string{"-a", "sgiddir", "tmp", "empty"},
		[]string{"--parents", "-v", "d/sub/x.sh", "sgiddir"}, []string{"--parents", "-pv", "d/sub/x.sh", "sgiddir"},
		// Destinations with a trailing slash; relative symbolic links
		// only in the current directory (which "x/" and "./x" are).
		[]string{"f", "x/"}, []string{"f", "exec/"}, []string{"f", "link/"}, []string{"-v", "f", "dangling/"},
		[]string{"-r", "fifo", "x/"}, []string{"-s", "f", "x/"}, []string{"-s", "f", "./x"}, []string{"-s", "f", "d/x"},
		[]string{"-s", "f", "d/../x"}, []string{"-s", "f", "nodir/x"},
		// GNU's same-file rules: a link onto its target, hard links,
		// backups, "cp -f --backup f f"; -l and -s replace only with -f.
		[]string{"-P", "link", "f"}, []string{"-a", "link", "f"}, []string{"-d", "link", "f"},
		[]string{"-l", "f", "hardlink"}, []string{"-lf", "f", "hardlink"}, []string{"-b", "f", "hardlink"},
		[]string{"-fb", "f", "f"}, []string{"-fbv", "--backup=numbered", "f", "f"}, []string{"-s", "f", "exec"},
		[]string{"-l", "f", "exec"}, []string{"-sfv", "f", "exec"}, []string{"-lfv", "f", "exec"},
		[]string{"-s", "f", "link"}, []string{"--remove-destination", "-P", "link", "f"}, []string{"-b", "-P", "link", "f"},
		[]string{"-n", "-P", "link", "f"}, []string{"link", "f"},
		// Not through a dangling link; --no-preserve=mode gives new files
		// the default mode (by ACL, keeping an inherited set-group-ID);
		// -n and --backup exclude each other.
		[]string{"f", "dangling"}, []string{"-v", "link", "dangling"}, []string{"-n", "-b", "f", "exec"},
		[]string{"-nv", "f", "dangling"}, []string{"-u", "-P", "link", "dangling"}, []string{"-b", "f", "dangling"},
		[]string{"--parents", "d/file", "f", "nodir"},
		[]string{"--no-preserve=mode", "suid", "x"}, []string{"--no-preserve=mode", "suid", "exec"},
		[]string{"--no-preserve=mode", "-b", "exec", "f"}, []string{"-r", "--no-preserve=mode", "d", "sgiddir/"},
		[]string{"-a", "--no-preserve=mode", "d", "x"}, []string{"-r", "--no-preserve=mode", "fifo", "sock", "empty"},
		// --strip-trailing-slashes strips sources copied into a directory.
		[]string{"--strip-trailing-slashes", "d/", "x"}, []string{"--strip-trailing-slashes", "-r", "d/", "f//", "empty"},
	))
	if isRoot() {
		// A directory without u+w is made writable to fill it, and its
		// mode put back with the inherited set-group-ID bit. (As root
		// only: another user could not clean such a tree up.)
		readOnly := func(t testing.TB, dir string) {
			if err := os.Chmod(filepath.Join(dir, "d/sub"), 0o555); err != nil {
				t.Fatal(err)
			}
		}
		fixture.Compare(t, &Applet, "cp", fixture.NoTimes, []fixture.Case{
			{Args: []string{"-r", "d", "sgiddir/"}, Setup: readOnly}, {Args: []string{"-a", "d", "sgiddir/"}, Setup: readOnly},
			{Args: []string{"-r", "d/sub", "x"}, Setup: readOnly},
		})
	}
	// Recursive -v lists entries in inode order, which differs between trees.
	var sorted []fixture.Case
	for _, args := range [][]string{{"-rv", "d", "x"}, {"-rvL", "linkdir", "x"}, {"-rvH", "linkdir", "x"},
		{"-x", "-rv", "d", "y"}, {"-rv", "d", "empty"}, {"-rTv", "d", "empty"}, {"-av", "d", "x"},
		{"-rv", "--parents", "./d//sub/", "empty"}} {
		sorted = append(sorted, fixture.Case{Args: args, SortOutput: true})
	}
	fixture.Compare(t, &Applet, "cp", fixture.NoTimes, sorted)
	// With -p and -a the times are preserved and can be compared.
	fixture.Compare(t, &Applet, "cp", fixture.MTime, fixture.Args(
		[]string{"-p", "f", "old", "future", "suid", "empty"}, []string{"-a", "d", "x"}, []string{"-a", "old", "link", "y"},
		[]string{"--preserve=timestamps", "future", "z"},
	))
	for _, answers := range []string{"y\n", "n\n", ""} {
		fixture.Compare(t, &Applet, "cp", fixture.NoTimes, []fixture.Case{
			{Args: []string{"-iv", "f", "exec"}, Stdin: answers}, {Args: []string{"-i", "f", "nofile"}, Stdin: answers},
			{Args: []string{"-i", "-n", "f", "exec"}, Stdin: answers}, {Args: []string{"-n", "-i", "f", "exec"}, Stdin: answers},
		})
	}
}

// TestIntoItself checks the refusal to copy a directory into itself; what
// was copied before the copy met itself depends on inode order.
func TestIntoItself(t *testing.T) {
	for _, args := range [][]string{{"-r", "d", "d/sub"}, {"-r", "d", "d"}, {"-rT", "d", "d/sub"}} {
		dir := t.TempDir()
		fixture.Build(t, dir)
		r := applettest.Run(&Applet, dir, "", []string{"LC_ALL=C"}, args...)
		dst := args[2]
		if args[1] == "d" && args[0] == "-r" {
			dst += "/d"
		}
		if want := "cp: cannot copy a directory, 'd', into itself, '" + dst + "'\n"; r.Status != 1 || r.Stderr != want {
			t.Errorf("cp %q: %+v, want %q", args, r, want)
		}
	}
}

// TestNoSpace copies to /dev/full: the failed write must be reported,
// with the status GNU cp gives.
func TestNoSpace(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f"), make([]byte, 300<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	got := applettest.Run(&Applet, dir, "", []string{"LC_ALL=C"}, "f", "/dev/full")
	want := applettest.RunTool(t, "cp", dir, "", nil, "f", "/dev/full")
	if got != want || got.Status != 1 {
		t.Errorf("ours %+v, GNU %+v", got, want)
	}
}

// TestLargeFile copies more than one buffer and checks the bytes.
func TestLargeFile(t *testing.T) {
	dir := t.TempDir()
	data := make([]byte, 5<<20+12345)
	for i := range data {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(filepath.Join(dir, "big"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := applettest.Run(&Applet, dir, "", nil, "big", "copy"); r.Status != 0 {
		t.Fatalf("%+v", r)
	}
	got, err := os.ReadFile(filepath.Join(dir, "copy"))
	if err != nil || string(got) != string(data) {
		t.Fatalf("copy differs (%d bytes, %v)", len(got), err)
	}
}

func isRoot() bool { return os.Geteuid() == 0 }
