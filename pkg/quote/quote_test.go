package quote

import (
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
	"é\n", "q’uote", "\xc3\xa9\xff", "'é'",
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
