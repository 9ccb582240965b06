package magic

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// csvCases are the corners of libmagic's comma counting: each is written
// to a file, and our description and MIME type must equal both the
// expected ones and what file(1) prints for the file.
func csvCases() []struct{ name, data, want, mime string } {
	const (
		c    = "CSV text"
		a    = "ASCII text"
		csv  = "text/csv; charset=us-ascii"
		text = "text/plain; charset=us-ascii"
	)
	lines := func(first, line string, n int, last string) string {
		return first + strings.Repeat(line, n) + last
	}
	return []struct{ name, data, want, mime string }{
		{"three lines", "a,b\n1,2\n3,4\n", c, csv},
		{"two lines are too few", "a,b\n1,2\n", a, text},
		{"unfinished last line", "a,b\n1,2\n3,4", a, text},
		{"unfinished line after three", "a,b\n1,2\n3,4\n5", c, csv},
		{"more commas on a line", "a,b\n1,2,3\n3,4\n", a, text},
		{"no commas", "a\nb\nc\n", a, text},
		{"only commas", ",\n,\n,\n", c, csv},
		{"comma inside quotes", "\"a,b\",c\n1,2\n3,4\n", c, csv},
		{"doubled quote", "\"a\"\"x,b\",c\n1,2\n3,4\n", c, csv},
		{"newline inside quotes", "x,\"y\nz\",w\n1,2,3\n4,5,6\n", c, csv},
		{"unterminated quote", "\"x\n", a, text},
		{"quoted fields", "\"a\",\n\"b\",\n\"c\",\n", c, csv},
		{"CRLF", "a,b\r\n1,2\r\n3,4\r\n", c, csv},
		{"ISO-8859", "a,b\n1,\xe9\n3,4\n", c, "text/csv; charset=iso-8859-1"},
		{"UTF-8", "\xc3\xa9,b\n1,2\n3,4\n", c, "text/csv; charset=utf-8"},
		{"NUL is not text", "a,b\n1,\x00\n3,4\n", "data", "application/octet-stream; charset=binary"},
		{"tabs are not commas", "a\tb\n1\t2\n3\t4\n", a, text},
		{"blank first line", "\na,b\n1,2\n3,4\n", a, text},
		{"blank line inside", "a,b\n\n1,2\n3,4\n", a, text},
		{"a script with commas", "#!/bin/sh,x\na,b\n1,2\n", c, csv},
		{"a script", "#!/bin/sh\na,b\n1,2\n3,4\n", "POSIX shell script, ASCII text executable", "text/x-shellscript; charset=us-ascii"},
		{"XML first line", "<?xml version=\"1.0\"?>\na,b\n1,2\n3,4\n", "XML 1.0 document, ASCII text", "text/xml; charset=us-ascii"},
		{"C with commas", "int a,b;\nint c,d;\nint e,f;\n", c, csv},
		{"not JSON, CSV", "{\"a\":1},\n{\"b\":2},\n3,4\n", c, csv},
		{"odd line after ten", lines("a,b\n", "1,2\n", 9, "1,2,3\n"), c, csv},
		{"odd tenth line", lines("a,b\n", "1,2\n", 8, "1,2,3\n"), a, text},
	}
}

func TestCSVLikeFile(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i, c := range csvCases() {
		name := filepath.Join(dir, "c"+string(rune('a'+i/26))+string(rune('a'+i%26)))
		if err := os.WriteFile(name, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
		if got := Describe(name, Options{}).Desc; got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if got := DescribeBytes([]byte(c.data), Options{}).String(MimeBoth); got != c.mime {
			t.Errorf("%s: -i %q, want %q", c.name, got, c.mime)
		}
	}
	// The same files through file(1).
	for _, mode := range []struct {
		flag string
		want func(i int) string
	}{
		{"-b", func(i int) string { return csvCases()[i].want }},
		{"-bi", func(i int) string { return csvCases()[i].mime }},
	} {
		got := fileSays(t, dir, names, mode.flag)
		for i, c := range csvCases() {
			if got[i] != mode.want(i) {
				t.Errorf("%s: file(1) %s says %q, the table %q", c.name, mode.flag, got[i], mode.want(i))
			}
		}
	}
}

// FuzzCSV: no input makes the comma counter panic or loop.
func FuzzCSV(f *testing.F) {
	for _, c := range csvCases() {
		f.Add([]byte(c.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		isCSV(data)
	})
}
