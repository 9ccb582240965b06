package file

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// corpus lists the paths the agreement test examines: every path under
// /usr/bin, /etc and /dev, and the first 2000 under
// /usr/lib/x86_64-linux-gnu and /usr/share/man, in lexical walk order.
func corpus(t *testing.T) []string {
	var paths []string
	for _, root := range []struct {
		dir   string
		limit int
	}{{"/usr/bin", 0}, {"/usr/lib/x86_64-linux-gnu", 2000}, {"/etc", 0}, {"/usr/share/man", 2000}, {"/dev", 0}} {
		n := 0
		filepath.WalkDir(root.dir, func(p string, d fs.DirEntry, err error) error {
			if root.limit > 0 && n >= root.limit {
				return filepath.SkipAll
			}
			if strings.ContainsAny(p, "\n") {
				return nil
			}
			n++
			paths = append(paths, p)
			return nil
		})
	}
	return paths
}

// TestCorpusAgreement runs our file and file(1) on a real system's files
// and requires the same line for at least 99% of them.
func TestCorpusAgreement(t *testing.T) {
	if _, err := exec.LookPath("file"); err != nil {
		t.Skip("file(1) not installed")
	}
	paths := corpus(t)
	list := filepath.Join(t.TempDir(), "list")
	if err := os.WriteFile(list, []byte(strings.Join(paths, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := applettest.Run(&Applet, "/", "", nil, "-N", "-f", list)
	want := applettest.RunTool(t, "file", "/", "", nil, "-N", "-f", list)
	gl, wl := strings.Split(got.Stdout, "\n"), strings.Split(want.Stdout, "\n")
	if len(gl) != len(wl) {
		t.Fatalf("%d lines, file(1) printed %d", len(gl), len(wl))
	}
	same := 0
	for i := range gl {
		if gl[i] == wl[i] {
			same++
			continue
		}
		t.Logf("differs:\n  ours: %s\n  file: %s", gl[i], wl[i])
	}
	pct := 100 * float64(same) / float64(len(gl))
	t.Logf("agreement on %d paths: %.2f%%", len(gl), pct)
	if pct < 99 {
		t.Errorf("agreement %.2f%% < 99%%", pct)
	}
}

// fixtures creates one file of each kind the table covers.
func fixtures(t *testing.T, dir string) {
	t.Helper()
	w := func(name string, data []byte, mode os.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, name), data, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(dir, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Name = "hello.txt"
	zw.ModTime = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	zw.Write([]byte("hello, world\n"))
	zw.Close()
	w("hello.txt.gz", gz.Bytes(), 0o644)
	gz.Reset()
	zw = gzip.NewWriter(&gz)
	zw.Write(bytes.Repeat([]byte("x"), 1000))
	zw.Close()
	w("anon.gz", gz.Bytes(), 0o644)
	for _, p := range []struct {
		name  string
		img   image.Image
		depth int
	}{
		{"rgba.png", image.NewNRGBA(image.Rect(0, 0, 16, 8)), 8},
		{"gray.png", image.NewGray(image.Rect(0, 0, 3, 5)), 8},
		{"pal.png", image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.Black, color.White}), 1},
		{"rgb16.png", image.NewRGBA64(image.Rect(0, 0, 2, 2)), 16},
	} {
		var b bytes.Buffer
		if err := png.Encode(&b, p.img); err != nil {
			t.Fatal(err)
		}
		w(p.name, b.Bytes(), 0o644)
	}
	w("ascii.txt", []byte("hello\nworld\n"), 0o644)
	w("crlf.txt", []byte("a\r\nb\r\n"), 0o644)
	w("cr.txt", []byte("a\rb\r"), 0o644)
	w("mixed.txt", []byte("a\r\nb\nc\r"), 0o644)
	w("noeol.txt", []byte("abc"), 0o644)
	w("long.txt", []byte(strings.Repeat("y", 400)+"\n"), 0o644)
	w("esc.txt", []byte("a\x1b[1mb\n"), 0o644)
	w("bs.txt", []byte("a\bb\n"), 0o644)
	w("utf8.txt", []byte("café\n"), 0o644)
	w("bom.txt", []byte("\xef\xbb\xbfhi\n"), 0o644)
	w("latin1.txt", []byte("caf\xe9\n"), 0o644)
	w("utf16.txt", []byte("\xff\xfeh\x00i\x00\n\x00"), 0o644)
	w("bin", []byte{0, 1, 2, 3, 4}, 0o644)
	w("one", []byte("x"), 0o644)
	w("empty", nil, 0o644)
	w("sh", []byte("#!/bin/sh\necho hi\n"), 0o755)
	w("sh2", []byte("#! /bin/sh -e\necho hi\n"), 0o755)
	w("bash", []byte("#!/usr/bin/env bash\necho hi\n"), 0o755)
	w("py", []byte("#!/usr/bin/python3\nprint(1)\n"), 0o755)
	w("pl", []byte("#!/usr/bin/perl -w\nprint 1;\n"), 0o755)
	w("zork", []byte("#!/usr/local/bin/zork -x\n"), 0o755)
	w("envfoo", []byte("#!/usr/bin/env foo\n"), 0o755)
	w("node", []byte("#!/usr/bin/node\n"), 0o755)
	w("x.xml", []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a/>\n"), 0o644)
	w("x.html", []byte("<!DOCTYPE html>\n<html><body>hi</body></html>\n"), 0o644)
	w("x.json", []byte("{\"a\": [1, 2, {\"b\": null}]}\n"), 0o644)
	w("x.pdf", []byte("%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"), 0o644)
	w("x.gif", []byte("GIF89a\x0a\x00\x14\x00\x00\x00\x00;"), 0o644)
	w("cpio", []byte("070701"+strings.Repeat("0", 104)), 0o644)
	w("x.a", []byte("!<arch>\nhello.txt/      0           0     0     644     6         `\nhello\n"), 0o644)
	w("cert.pem", []byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), 0o644)
	w("rsa.pem", []byte("-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"), 0o644)
	w("c.c", []byte("#include <stdio.h>\nint main(void) { return 0; }\n"), 0o644)
	w("pm.pm", []byte("package Foo::Bar;\nuse strict;\n1;\n"), 0o644)
	w("doc.py", []byte("\"\"\"A module.\n\nMore.\n\"\"\"\nx = 1\n"), 0o644)
	w("cls", []byte("x = 1\nclass A(B):  pass\n"), 0o644)
	w("cxx", []byte("x\nclass A : public B {\n"), 0o644)
	w("imp", []byte("import os as o\n"), 0o644)
	w("imp2", []byte("import numpy as np\n"), 0o644)
	w("def1", []byte("def a_1(x, **kw):\n"), 0o644)
	w("def2", []byte("def a(x, 1):\n"), 0o644)
	w("LC_TIME", append([]byte{0x17, 0x11, 0x03, 0x20, 0x9f, 0, 0, 0}, make([]byte, 64)...), 0o644)
	w("LC_CTYPE", append([]byte{0x20, 0x07, 0x09, 0x20, 0x59, 0, 0, 0}, make([]byte, 64)...), 0o644)
	w("term32", append([]byte{0x1e, 0x02, 8, 0, 1, 0, 1, 0, 1, 0, 1, 0}, "term32|x\x00..."...), 0o644)
	w("suid", []byte("#!/bin/sh\n"), 0o4755)
	w("suidgid", []byte("\x00\x01"), 0o6755)
	if err := os.Mkdir(filepath.Join(dir, "sticky"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "sticky"), 0o1777)
	if err := os.Mkdir(filepath.Join(dir, "sgid"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(dir, "sgid"), 0o2755|os.ModeSetgid)
	unix.Chmod(filepath.Join(dir, "sgid"), 0o2755)
	if err := unix.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Symlink("ascii.txt", filepath.Join(dir, "link"))
	os.Symlink("nowhere", filepath.Join(dir, "broken"))
	l, err := net.Listen("unix", filepath.Join(dir, "sock"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
}

// TestSameAsFile runs one table against our file and file(1).
func TestSameAsFile(t *testing.T) {
	dir := t.TempDir()
	fixtures(t, dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, e := range entries {
		all = append(all, e.Name())
	}
	for _, args := range [][]string{
		all,
		append([]string{"-b"}, all...),
		append([]string{"-i"}, all...),
		append([]string{"--mime-type"}, all...),
		append([]string{"--mime-encoding"}, all...),
		append([]string{"-L"}, all...),
		{"-N", "ascii.txt", "x.png", "missing"},
		{"-z", "hello.txt.gz", "anon.gz"},
		{"-0", "ascii.txt"},
		{"-F", "|", "ascii.txt"},
		{"--", "-", "ascii.txt"},
		{"/dev/null", "/dev/zero", "/tmp", "/nonexistent"},
		{"-s", "/dev/null", "/dev/zero", "/dev/full", "ascii.txt", "fifo"},
		{"-s", "-i", "/dev/null", "/dev/zero"},
		{"-E", "missing", "ascii.txt"},
		{"-bE", "missing"},
		{"-n", "-S", "ascii.txt"},
		{"-x", "ascii.txt"},
		{"--bogus"},
		{"-i", "-"},
		{},
		{"-f", "-"},
	} {
		stdin := "#!/bin/sh\necho\n"
		if len(args) > 0 && args[0] == "-f" {
			stdin = "ascii.txt\nx.json\nbin\n"
		}
		if len(args) == 2 && args[0] == "-i" && args[1] == "-" {
			stdin = "" // empty data read, not an empty inode
		}
		got := applettest.Run(&Applet, dir, stdin, nil, args...)
		want := applettest.RunTool(t, "file", dir, stdin, nil, args...)
		if got != want {
			t.Errorf("file %q:\n got %+v\nwant %+v", args, got, want)
			gl, wl := strings.Split(got.Stdout, "\n"), strings.Split(want.Stdout, "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Logf("\n ours %q\n file %q", gl[i], wl[i])
				}
			}
		}
	}
}

// TestELF compares on ELF files gcc makes: static, static-pie, PIE,
// non-PIE, shared, relocatable, with debug info.
func TestELF(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not installed")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "m.c"), []byte("int main(void){return 0;}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range [][]string{
		{"pie"}, {"nopie", "-no-pie"}, {"static", "-static"}, {"spie", "-static-pie"},
		{"dbg", "-g"}, {"stripped", "-s"}, {"lib.so", "-shared", "-fPIC"},
		{"libnow.so", "-shared", "-fPIC", "-nostdlib", "-Wl,-z,now"},
		{"m.o", "-c"},
	} {
		cmd := exec.Command("gcc", append([]string{"-o", b[0], "m.c"}, b[1:]...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gcc %v: %v\n%s", b, err, out)
		}
		names = append(names, b[0])
	}
	got := applettest.Run(&Applet, dir, "", nil, names...)
	want := applettest.RunTool(t, "file", dir, "", nil, names...)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Stdout, want.Stdout)
	}
}

// TestTruncatedELF compares on a program cut at various lengths: damaged
// headers must give file(1)'s messages, never a crash.
func TestTruncatedELF(t *testing.T) {
	prog, err := os.ReadFile("/usr/bin/ls")
	if err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	var names []string
	for _, n := range []int{8, 10, 60, 100, 500, 1000, 4000, 20000} {
		name := fmt.Sprint("ls", n)
		if err := os.WriteFile(filepath.Join(dir, name), prog[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	got := applettest.Run(&Applet, dir, "", nil, names...)
	want := applettest.RunTool(t, "file", dir, "", nil, names...)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got.Stdout, want.Stdout)
	}
}

// TestEscapes compares, in the C and a UTF-8 locale, with and without -r,
// how names and descriptions with characters beyond ASCII, control
// characters and invalid UTF-8 are escaped and lined up.
func TestEscapes(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Name = "café.txt" // stored in Latin-1: not UTF-8 in the file
	zw.Write([]byte("hi"))
	zw.Close()
	if err := os.WriteFile(filepath.Join(dir, "named.gz"), gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"tab":      "a\tb",
		"latin1":   "caf\xe9",
		"mixed":    "café\x01",
		"utf8":     "Főtanúsítvány.pem",
		"日本":       "wide",
		"ctl\x01x": "named.gz",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"named.gz", "nöpe", "x\x01y"}
	for name := range links {
		args = append(args, name)
	}
	for _, locale := range []string{"C", "C.UTF-8"} {
		for _, raw := range [][]string{nil, {"-r"}} {
			a := append(append([]string(nil), raw...), args...)
			env := []string{"LC_ALL=" + locale}
			got := applettest.Run(&Applet, dir, "", env, a...)
			want := applettest.RunTool(t, "file", dir, "", env, a...)
			if got != want {
				t.Errorf("LC_ALL=%s file %q:\n got %q\nwant %q", locale, a, got.Stdout, want.Stdout)
			}
		}
	}
}

// TestUncompress compares -z (and -zi, -zb) with file(1) on text, a
// program and a man page compressed by gzip, bzip2 and xz, the system's
// own tools. zstd is left out: file 5.44 here runs `zstd -cd` and
// describes what it gets as "empty"; we describe the contents.
func TestUncompress(t *testing.T) {
	dir := t.TempDir()
	sources := map[string][]byte{"text": []byte(strings.Repeat("hello zine\n", 100))}
	if b, err := os.ReadFile("/bin/ls"); err == nil {
		sources["prog"] = b
	}
	var names []string
	for _, prog := range []string{"gzip", "bzip2", "xz"} {
		path, err := exec.LookPath(prog)
		if err != nil {
			continue
		}
		for name, data := range sources {
			cmd := exec.Command(path, "-c")
			cmd.Stdin = bytes.NewReader(data)
			out, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			f := name + "." + prog
			if err := os.WriteFile(filepath.Join(dir, f), out, 0o644); err != nil {
				t.Fatal(err)
			}
			names = append(names, f)
		}
	}
	sort.Strings(names)
	for _, flags := range [][]string{{"-z"}, {"-zi"}, {"-zb"}, {"-z", "--mime-type"}} {
		args := append(append([]string{}, flags...), names...)
		got := applettest.Run(&Applet, dir, "", nil, args...)
		want := applettest.RunTool(t, "file", dir, "", nil, args...)
		if got != want {
			t.Errorf("file %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}
