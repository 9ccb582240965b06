package image

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

func sample() *Image {
	im := &Image{}
	im.File("/etc/passwd", []byte("root:x:0:0:root:/root:/bin/sh\n"), 0o644)
	im.Dir("tmp", 0o1777)
	im.Dir("/root/", 0o700)
	im.CharDev("dev/console", 0o600, 5, 1)
	im.Symlink("init", "bin/zinebox")
	im.File("bin/zinebox", []byte("\x7fELF..."), 0o755)
	im.File("usr/share/man/man1/ls.1", []byte(".TH LS 1\n"), 0o644)
	im.Add(Entry{Name: "home/learner", Mode: unix.S_IFDIR | 0o755, UID: 1000, GID: 1000})
	im.File("bin/su", []byte("x"), 0o4755)
	return im
}

func TestWriteRead(t *testing.T) {
	var buf bytes.Buffer
	if err := sample().Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("070701")) {
		t.Fatalf("not a newc archive: %q", buf.Bytes()[:6])
	}
	if !bytes.Contains(buf.Bytes(), []byte("TRAILER!!!\x00")) {
		t.Fatalf("no trailer")
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// Every entry in order: "." first, directories before their contents,
	// missing parents filled in as 0755.
	want := []struct {
		name string
		mode uint32
		data string
	}{
		{".", 0o40755, ""},
		{"bin", 0o40755, ""},
		{"bin/su", 0o104755, "x"},
		{"bin/zinebox", 0o100755, "\x7fELF..."},
		{"dev", 0o40755, ""},
		{"dev/console", 0o20600, ""},
		{"etc", 0o40755, ""},
		{"etc/passwd", 0o100644, "root:x:0:0:root:/root:/bin/sh\n"},
		{"home", 0o40755, ""},
		{"home/learner", 0o40755, ""},
		{"init", 0o120777, "bin/zinebox"},
		{"root", 0o40700, ""},
		{"tmp", 0o41777, ""},
		{"usr", 0o40755, ""},
		{"usr/share", 0o40755, ""},
		{"usr/share/man", 0o40755, ""},
		{"usr/share/man/man1", 0o40755, ""},
		{"usr/share/man/man1/ls.1", 0o100644, ".TH LS 1\n"},
	}
	if len(got) != len(want) {
		var names []string
		for _, e := range got {
			names = append(names, e.Name)
		}
		t.Fatalf("got %d entries, want %d: %v", len(got), len(want), names)
	}
	for i, w := range want {
		g := got[i]
		if g.Name != w.name || g.Mode != w.mode || string(g.Data) != w.data {
			t.Errorf("entry %d: got %s %o %q, want %s %o %q", i, g.Name, g.Mode, g.Data, w.name, w.mode, w.data)
		}
		wantUID := uint32(0)
		if w.name == "home/learner" {
			wantUID = 1000
		}
		if g.UID != wantUID || g.GID != wantUID {
			t.Errorf("%s: owner %d:%d, want %d", g.Name, g.UID, g.GID, wantUID)
		}
	}
	if c := got[5]; c.Rmajor != 5 || c.Rminor != 1 {
		t.Errorf("dev/console: device %d,%d, want 5,1", c.Rmajor, c.Rminor)
	}
}

func TestReproducible(t *testing.T) {
	for _, c := range []Compression{None, Gzip} {
		var a, b bytes.Buffer
		if err := sample().WriteCompressed(&a, c); err != nil {
			t.Fatal(err)
		}
		if err := sample().WriteCompressed(&b, c); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes of the same image differ", c)
		}
		entries, err := Read(bytes.NewReader(a.Bytes()))
		if err != nil || len(entries) != 18 {
			t.Errorf("%s: read back %d entries, %v", c, len(entries), err)
		}
	}
	if err := sample().WriteCompressed(&bytes.Buffer{}, "xz"); err == nil {
		t.Errorf("xz: no error")
	}
}

func TestLaterWins(t *testing.T) {
	im := sample()
	im.File("etc/passwd", []byte("new\n"), 0o600)
	e, ok := im.Lookup("/etc/passwd")
	if !ok || string(e.Data) != "new\n" || e.Mode != 0o100600 {
		t.Errorf("replaced entry: %+v", e)
	}
}

func TestParentNotDir(t *testing.T) {
	im := &Image{}
	im.Symlink("lib", "usr/lib")
	im.File("lib/libc.so.6", nil, 0o755)
	if err := im.Write(&bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("file under a symlink: err %v", err)
	}
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{"/": ".", "": ".", "/bin/ls": "bin/ls", "bin//ls/": "bin/ls", "../etc": "etc"} {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAddHostPath copies a program reached through a directory link, as
// Debian's /lib -> usr/lib: the link is kept and the file lands at its
// real path.
func TestAddHostPath(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "usr/lib/x"), 0o755))
	must(os.WriteFile(filepath.Join(root, "usr/lib/x/libc.so.6.1"), []byte("libc"), 0o755))
	must(os.Symlink("libc.so.6.1", filepath.Join(root, "usr/lib/x/libc.so.6")))
	must(os.Symlink("usr/lib", filepath.Join(root, "lib")))
	must(os.MkdirAll(filepath.Join(root, "bin"), 0o755))
	must(os.WriteFile(filepath.Join(root, "bin/prog"), []byte("prog"), 0o755))

	im := &Image{}
	must(im.AddHostPath(filepath.Join(root, "lib/x/libc.so.6")))
	must(im.AddHostPath(filepath.Join(root, "bin/prog")))
	r := strings.TrimPrefix(root, "/")
	for name, want := range map[string]string{
		r + "/lib":                   "l usr/lib",
		r + "/usr/lib/x/libc.so.6":   "l libc.so.6.1",
		r + "/usr/lib/x/libc.so.6.1": "- libc",
		r + "/bin/prog":              "- prog",
	} {
		e, ok := im.Lookup(name)
		if !ok {
			t.Errorf("%s: missing", name)
			continue
		}
		kind := "-"
		if e.Mode&unix.S_IFMT == unix.S_IFLNK {
			kind = "l"
		}
		if got := kind + " " + string(e.Data); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if _, ok := im.Lookup(r + "/lib/x/libc.so.6"); ok {
		t.Errorf("the file was also copied under the link")
	}
	if err := im.Write(&bytes.Buffer{}); err != nil {
		t.Errorf("write: %v", err)
	}
}

func TestResolve(t *testing.T) {
	var im Image
	im.Dir("usr", 0o755)
	im.Dir("usr/lib", 0o755)
	im.File("usr/lib/libc.so.6", []byte("elf"), 0o755)
	im.Symlink("lib", "usr/lib")
	im.Symlink("usr/lib/libc-link.so", "libc.so.6")
	im.Symlink("usr/lib/abs.so", "/lib/libc.so.6")
	im.Symlink("usr/lib/dangling.so", "nowhere.so")
	im.Symlink("loop", "loop")
	im.File("opt/implied/file", nil, 0o644)
	for _, tc := range []struct {
		name, want string // want "" when nothing is there
	}{
		{"/usr/lib/libc.so.6", "usr/lib/libc.so.6"},
		{"/lib/libc.so.6", "usr/lib/libc.so.6"},
		{"/lib/libc-link.so", "usr/lib/libc.so.6"},
		{"/lib/abs.so", "usr/lib/libc.so.6"},
		{"/lib/../lib/libc.so.6", "usr/lib/libc.so.6"},
		{"/lib", "usr/lib"},
		{"/lib/dangling.so", ""},
		{"/lib/missing.so", ""},
		{"/usr/lib/libc.so.6/x", ""},
		{"/loop", ""},
		{"/opt/implied/file", "opt/implied/file"},
		{"/opt/implied/other", ""},
	} {
		e, ok := im.Resolve(tc.name)
		if ok != (tc.want != "") || e.Name != tc.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.name, e.Name, ok, tc.want)
		}
	}
}
