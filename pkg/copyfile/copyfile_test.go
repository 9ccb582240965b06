package copyfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestCopy copies between regular files (copy_file_range) and from a pipe
// (read and write), and checks that a full device is a write failure.
func TestCopy(t *testing.T) {
	dir := t.TempDir()
	data := bytes.Repeat([]byte("zine\n"), 100000) // more than one buffer
	src := filepath.Join(dir, "src")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var c Copier
	open := func(name string) *os.File {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	in, out := open(src), open(filepath.Join(dir, "dst"))
	if w, err := c.Copy(int(out.Fd()), int(in.Fd())); err != nil {
		t.Fatalf("file to file: writing=%v %v", w, err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "dst")); !bytes.Equal(got, data) {
		t.Errorf("file to file: %d bytes, want %d", len(got), len(data))
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() { w.Write(data); w.Close() }()
	out2 := open(filepath.Join(dir, "dst2"))
	if wr, err := c.Copy(int(out2.Fd()), int(r.Fd())); err != nil {
		t.Fatalf("pipe to file: writing=%v %v", wr, err)
	}
	r.Close()
	if got, _ := os.ReadFile(filepath.Join(dir, "dst2")); !bytes.Equal(got, data) {
		t.Errorf("pipe to file: %d bytes, want %d", len(got), len(data))
	}

	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full")
	}
	defer full.Close()
	in.Seek(0, 0)
	if wr, err := c.Copy(int(full.Fd()), int(in.Fd())); !wr || err != unix.ENOSPC {
		t.Errorf("to /dev/full: writing=%v %v, want writing ENOSPC", wr, err)
	}
	dirFd, _ := os.Open(dir)
	defer dirFd.Close()
	if wr, err := c.Copy(int(out.Fd()), int(dirFd.Fd())); wr || err != unix.EISDIR {
		t.Errorf("from a directory: writing=%v %v, want reading EISDIR", wr, err)
	}
}

func TestReadlink(t *testing.T) {
	dir := t.TempDir()
	for _, target := range []string{"x", strings.Repeat("long/", 100) + "end"} {
		l := filepath.Join(dir, "l")
		os.Remove(l)
		if err := os.Symlink(target, l); err != nil {
			t.Fatal(err)
		}
		if got, err := Readlink(l); got != target || err != nil {
			t.Errorf("Readlink = %q, %v; want %q", got, err, target)
		}
	}
	if _, err := Readlink(dir); err != unix.EINVAL {
		t.Errorf("Readlink(dir) error %v, want EINVAL", err)
	}
}

func TestNewer(t *testing.T) {
	a := unix.Stat_t{Mtim: unix.Timespec{Sec: 10, Nsec: 5}}
	for _, tc := range []struct {
		b    unix.Timespec
		want bool
	}{{unix.Timespec{Sec: 10, Nsec: 4}, true}, {unix.Timespec{Sec: 10, Nsec: 5}, false}, {unix.Timespec{Sec: 9, Nsec: 9}, true}, {unix.Timespec{Sec: 11}, false}} {
		b := unix.Stat_t{Mtim: tc.b}
		if got := Newer(&a, &b); got != tc.want {
			t.Errorf("Newer(10.5, %v) = %v", tc.b, got)
		}
	}
}
