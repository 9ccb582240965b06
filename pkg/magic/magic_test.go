package magic

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

func TestDescribeBytes(t *testing.T) {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write([]byte("hi\n"))
	zw.Close()
	for _, tc := range []struct {
		in, want string
	}{
		{"hello\n", "ASCII text"},
		{"x", "very short file (no magic)"},
		{"\x00\x01\x02", "data"},
		{"#!/bin/sh\n", "POSIX shell script, ASCII text executable"},
		{"#! /usr/bin/env python3\n", "Python script, ASCII text executable"},
		{"#!/usr/bin/perl5.36-x86_64-linux-gnu\n", "Perl script text executable"},
		{"#! perl\npackage Foo;\n1;\n", "Perl5 module source, ASCII text"},
		{"a\r\nb\nc\rd", "ASCII text, with CRLF, CR, LF line terminators"},
		{strings.Repeat("z", 70000), "ASCII text, with very long lines (65536), with no line terminators"},
		{"BZh91AY&SY", "bzip2 compressed data, block size = 900k"},
		{"\xfd7zXZ\x00\x00\x04", "XZ compressed data, checksum CRC64"},
		{"\x28\xb5\x2f\xfd\x24\x00", "Zstandard compressed data (v0.8+), Dictionary ID: None"},
		{"!<arch>\nfoo", "current ar archive"},
		{"070707000000", "ASCII cpio archive (pre-SVR4 or odc)"},
		{"-----BEGIN EC PRIVATE KEY-----\n", "PEM EC private key"},
		{"[1, 2]\n", "JSON text data"},
		{"try:\n    import x\nexcept ImportError:\n    pass\n", "Python script, ASCII text executable"},
		{"hello\n  .text :\n", "assembler source, ASCII text"},
		{"#ifdef X\n#endif\n", "C source, ASCII text"},
		{gz.String(), "gzip compressed data, max speed, original size modulo 2^32 3"},
	} {
		if got := DescribeBytes([]byte(tc.in), Options{}).Desc; got != tc.want {
			t.Errorf("DescribeBytes(%.20q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := DescribeBytes(gz.Bytes(), Options{Uncompress: true}).Desc; got != "ASCII text (gzip compressed data, max speed)" {
		t.Errorf("-z: %q", got)
	}
}

func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f"), []byte("x\n"), 0o644)
	os.Symlink("f", filepath.Join(dir, "l"))
	os.Symlink("nope", filepath.Join(dir, "b"))
	for _, tc := range []struct {
		name string
		o    Options
		want string
		mime string
	}{
		{"l", Options{}, "symbolic link to f", "inode/symlink; charset=binary"},
		{"l", Options{Follow: true}, "ASCII text", "text/plain; charset=us-ascii"},
		{"b", Options{}, "broken symbolic link to nope", "inode/symlink"},
		{"b", Options{Follow: true}, "cannot open `b' (No such file or directory)", "cannot open `b' (No such file or directory)"},
		{"missing", Options{}, "cannot open `missing' (No such file or directory)", "cannot open `missing' (No such file or directory)"},
		{".", Options{}, "directory", "inode/directory; charset=binary"},
	} {
		tc.o.Dir = dir
		r := Describe(tc.name, tc.o)
		if r.Desc != tc.want || r.String(MimeBoth) != tc.mime {
			t.Errorf("Describe(%s, %+v) = %q / %q, want %q / %q", tc.name, tc.o, r.Desc, r.String(MimeBoth), tc.want, tc.mime)
		}
	}
}

// FuzzDescribe feeds arbitrary bytes to every detector: no panic, and an
// answer for everything.
func FuzzDescribe(f *testing.F) {
	for _, s := range []string{
		"\x7fELF\x02\x01\x01", "\x1f\x8b\x08\x08\x00\x00\x00\x00\x02\x03name", "PK\x03\x04", "\x89PNG\r\n\x1a\n",
		"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "GIF89a", "%PDF-1.7", "SQLite format 3\x00", "070701",
		"#!/bin/sh\n", "<?xml version=\"1.0\"?>", "{\"a\":1}", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQ",
		"GOBJ\nMETADATA\r\n\x1a", "\xef\xbb\xbf", "\xff\xfeh\x00",
	} {
		f.Add([]byte(s))
	}
	if b, err := os.ReadFile("/usr/bin/true"); err == nil && len(b) < 1<<20 {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := DescribeBytes(data, Options{Uncompress: true})
		if r.Desc == "" {
			t.Fatalf("no description for %q", data)
		}
	})
}

// fileSays runs file(1) once, with flags, on the files names (listed
// through -f) and returns its lines: one per file, in order.
func fileSays(t *testing.T, dir string, names []string, flags ...string) []string {
	t.Helper()
	list := filepath.Join(dir, "list")
	if err := os.WriteFile(list, []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := applettest.RunTool(t, "file", dir, "", nil, append(flags, "-f", list)...).Stdout
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(names) {
		t.Fatalf("file(1) %s printed %d lines for %d files", strings.Join(flags, " "), len(lines), len(names))
	}
	return lines
}
