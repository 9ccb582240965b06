package quote

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// names are file names that exercise every rule of the engine.
var testNames = []string{
	"plain", "a b", "it's", "it's a$b", "tab\there", "nl\nx", "\x01ctl", "del\x7f",
	"caf\xc3\xa9", "q?", "back\\slash", `dq"x`, "{", "{x}", "#x", "x#", "~", "a~",
	"x@y", "=", "a=b", "*", "[x]", "-n", "'", "''", "a'\nb", "\n'", "$'x'", "a:b",
	"\t", " ", "x|y", "é'", "100%", "a,b", "a]b", "!x", "a^b", "`x`",
	"bad\xff", "inc\xc3", "wide\u4e2d\u6587", "zw\u200bx", "nel\u0085x", "comb\u0301x",
	"é\n", "q’uote", "\xc3\xa9\xff", "'é'", "a'b\n", "\na'b\n", "\\a'b\n",
}

// TestAgainstLs compares every style with GNU ls, which quotes its
// operands with the same engine.
func TestAgainstLs(t *testing.T) {
	ls, err := exec.LookPath("ls")
	if err != nil {
		t.Skip("ls not installed")
	}
	dir := t.TempDir()
	for _, n := range testNames {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, locale := range []string{"C", "C.UTF-8"} {
		for _, style := range Names() {
			st, _ := ParseStyle(style)
			o := Options{Style: st, UTF8: locale != "C"}
			if st == Escape {
				o.SetExtra(' ') // ls asks for this in the escape style
			}
			for _, n := range testNames {
				cmd := exec.Command(ls, "-d", "--quoting-style="+style, "--", n)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "LC_ALL="+locale)
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("ls %q: %v", n, err)
				}
				want := strings.TrimSuffix(string(out), "\n")
				if got := string(o.Append(nil, n)); got != want {
					t.Errorf("%s %s %q: got %q, ls says %q", locale, style, n, got, want)
				}
			}
		}
	}
}

func FuzzQuote(f *testing.F) {
	for _, n := range testNames {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(Names()) {
			Style(i).Quote(s)
		}
	})
}

// TestRuneWidth checks IsPrint and RuneWidth against glibc's, read through
// `wc -L` (the widest line, in columns, by wcwidth) in C.UTF-8: an
// unprintable character counts 0 there.
func TestRuneWidth(t *testing.T) {
	wc, err := exec.LookPath("wc")
	if err != nil {
		t.Skip("wc not installed")
	}
	for _, r := range []rune{'a', 0xe9, 0xad, 0x301, 0x85, 0x600, 0x6dd, 0x1160, 0x200b, 0x2028, 0x20ac,
		0x231a, 0x2600, 0x3000, 0x4e2d, 0x4dc0, 0xac00, 0xd7b0, 0xe000, 0xfeff, 0xff01, 0xffe0,
		0x1f1e6, 0x1f600, 0x1f6dd, 0x1f7f0, 0x20000, 0xe0001, 0xf0000} {
		cmd := exec.Command(wc, "-L")
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		cmd.Stdin = strings.NewReader(string(r) + "\n")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSpace(string(out))
		got := "0"
		if IsPrint(r) {
			got = fmt.Sprint(RuneWidth(r))
		}
		if got != want {
			t.Errorf("%U: width %s, glibc says %s", r, got, want)
		}
	}
}
