package magic

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// jsonCases are the corners of libmagic's JSON parser: each is written to
// a file, and our description must equal both the expected one and what
// file(1) prints for the file.
func jsonCases() []struct{ name, data, want string } {
	nest := func(open, inner, close string, n int) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	const (
		j  = "JSON text data"
		nd = "New Line Delimited JSON text data"
		a  = "ASCII text"
		an = "ASCII text, with no line terminators"
	)
	return []struct{ name, data, want string }{
		{"object", "{\"a\": [1, 2, {\"b\": null}]}\n", j},
		{"empty array", "[]\n", j},
		{"empty object", "{}\n", j},
		{"nested empty", "[[]]\n", j},
		{"trailing comma array", "[1,]\n", j},
		{"trailing comma object", "{\"a\":1,}\n", j},
		{"leading zeros", "[007]\n", j},
		{"fraction without integer", "[.5]\n", j},
		{"point without fraction", "[1.]\n", j},
		{"exponents", "[1e5, -2E-3, 3e+2]\n", j},
		{"exponent without digits", "[1e]\n", a},
		{"control byte in string", "[\"a\x01b\"]\n", j},
		{"tab in string", "[\"a\tb\"]\n", j},
		{"newline in string", "[\"a\nb\"]\n", j},
		{"unknown escape", "[\"\\x\"]\n", a},
		{"unicode escape", "[\"\\u00e9\"]\n", j},
		{"bad unicode escape", "[\"\\u00g9\"]\n", a},
		{"short unicode escape", "[\"\\u12\"]", an},
		{"escaped slash", "[\"\\/\"]\n", j},
		{"literals", "[true, false, null]\n", j},
		{"truncated literal", "[tru]\n", a},
		{"literal with more letters", "[truex]\n", a},
		{"lone string", "\"abc\"\n", a},
		{"lone number", "123\n", a},
		{"bare key", "{a:1}\n", a},
		{"empty key", "{\"\":1}", j},
		{"garbage after", "{\"a\":1} x\n", a},
		{"minus alone", "[-]\n", a},
		{"negative", "[-1]\n", j},
		{"plus sign", "[+1]\n", a},
		{"point alone", "[.]\n", a},
		{"exponent alone", "[e5]\n", a},
		{"comma first in array", "[,1]", an},
		{"comma first in object", "{,\"a\":1}", an},
		{"double comma", "[1,,2]\n", a},
		{"missing colon", "{\"a\" 1}\n", a},
		{"unterminated", "{\"a\":1\n", a},
		{"ISO-8859 string", "[\"caf\xe9\"]\n", j},
		{"CRLF", "{\"a\":1}\r\n", j},
		{"leading white space", "   {\"a\": 1}\n", j},
		{"spaces everywhere", "{ \"a\" : 1 , \"b\" : [ ] }", j},
		{"form feed is not space", "[1,\f2]\n", a},
		{"vertical tab is not space", "[1,\v2]\n", a},
		{"two objects", "{\"a\":1}\n{\"b\":2}\n", nd},
		{"garbage after the second", "{\"a\":1}\n{\"b\":2}\ngarbage\n", nd},
		{"second value of another kind", "{\"a\":1}\n[1]\n", a},
		{"second value broken", "[1]\n[x]\n", a},
		{"indented values", " {\"a\":1}\n {\"b\":2}\n", nd},
		{"no separator", "[1][2]x", nd},
		{"blank lines", "\n\n[1]\n\n[2]", nd},
		{"two empty arrays", "[]\n[]\n", nd},
		{"arrays 250 deep", nest("[", "1", "]", 250), j},
		{"arrays 251 deep", nest("[", "1", "]", 251), "ASCII text, with very long lines (503), with no line terminators"},
		{"empty arrays 251 deep", nest("[", "", "]", 251), j},
		{"objects 250 deep", nest("{\"a\":", "1", "}", 250), j},
		{"objects 251 deep", nest("{\"a\":", "1", "}", 251), "ASCII text, with very long lines (1507), with no line terminators"},
		{"long string", "{\"a\":\"" + strings.Repeat("x", 70000) + "\"}\n", j},
	}
}

func TestJSONLikeFile(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i, c := range jsonCases() {
		name := filepath.Join(dir, "j"+string(rune('a'+i/26))+string(rune('a'+i%26)))
		if err := os.WriteFile(name, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
		if got := Describe(name, Options{}).Desc; got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// The same files through file(1).
	lines := fileSays(t, dir, names, "-b")
	for i, c := range jsonCases() {
		if lines[i] != c.want {
			t.Errorf("%s: file(1) says %q, the table %q", c.name, lines[i], c.want)
		}
	}
}

func TestJSONMime(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"{\"a\":1}\n", "application/json; charset=us-ascii"},
		{"{\"a\":1}\n{\"a\":2}\n", "application/x-ndjson; charset=us-ascii"},
		{"[\"a\x01b\"]\n", "application/json; charset=binary"},
		{"[\"caf\xc3\xa9\"]\n", "application/json; charset=utf-8"},
	} {
		if got := DescribeBytes([]byte(tc.in), Options{}).String(MimeBoth); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
		if got := applettest.RunTool(t, "file", "", tc.in, nil, "-b", "-i", "-").Stdout; got != tc.want+"\n" {
			t.Errorf("%q: file(1) says %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzJSON: no input makes the parser panic or loop.
func FuzzJSON(f *testing.F) {
	for _, c := range jsonCases() {
		f.Add([]byte(c.data))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		jsonKind(data)
	})
}
