package quote

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var msgNames = []string{
	"plain", "a b", "it's", "a=b", "x^y", "a,b", "a:b", "~x", "x~", "#x", "x#", "a%b", "a+b",
	"a@b", "a{b}", "{a", "}", "a}", "a?b", "a*b", "a\nb", "a\tb", "é", "a\\b", "-x", "a!b",
	"[a]", "a]", "$x", "a;b", "a&b", "a\"b", "`x", "\x01", "a'b c", "a'b$", "a'b\n", "a'\"b",
	"'", "''x", "a b'", "é'", "a'b\nc", "\na'b", "a\nb'c", "x'y'z\n", "a'b#", "\xff", "é\xff",
	// Where the two packages this one merged used to differ (GNU agrees
	// with the engine): non-ASCII spaces and format characters are
	// printable, ’ is the closing quote under UTF-8, and gnulib's
	// second pass over a name with an apostrophe.
	"\u00a0", "’", "=?’", "a\xff\u00a0", "~\u200b~ ", "\na'b\n",
}

// runChmod runs GNU chmod in dir and returns its standard output and error.
func runChmod(t *testing.T, dir string, env string, args ...string) string {
	t.Helper()
	cmd := exec.Command("chmod", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env)
	out, _ := cmd.CombinedOutput()
	return string(out)
}

// TestAgainstGNU makes GNU chmod print each name in each style and checks
// that we quote it the same way.
func TestAgainstGNU(t *testing.T) {
	if _, err := exec.LookPath("chmod"); err != nil {
		t.Skip("chmod not installed")
	}
	dir := t.TempDir()
	for _, locale := range []string{"C", "C.UTF-8"} {
		q := ForEnv([]string{"LANG=x", "LC_ALL=" + locale})
		env := "LC_ALL=" + locale
		for _, n := range msgNames {
			if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			got := runChmod(t, dir, env, "-v", "644", "--", n)
			if want := "mode of " + q.Always(n) + " retained as 0644 (rw-r--r--)\n"; got != want {
				t.Errorf("%s: Always(%q): we say %q, GNU %q", locale, n, want, got)
			}
			os.Chmod(filepath.Join(dir, n), 0o666)
			got = runChmod(t, dir, env, "-w", "--", n)
			if want := "chmod: " + q.ShellColon(n) + ": new permissions"; !strings.HasPrefix(got, want) {
				t.Errorf("%s: ShellColon(%q): we say %q, GNU %q", locale, n, want, got)
			}
			got = runChmod(t, dir, env, "u+q"+n, "x")
			if want := "chmod: invalid mode: " + q.Locale("u+q"+n) + "\n"; !strings.HasPrefix(got, want) {
				t.Errorf("%s: Locale(%q): we say %q, GNU %q", locale, n, want, got)
			}
			os.Remove(filepath.Join(dir, n))
		}
	}
}

func TestForEnv(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		utf8 bool
	}{
		{nil, false},
		{[]string{"LANG=en_US.UTF-8"}, true},
		{[]string{"LANG=en_US.UTF-8", "LC_ALL=C"}, false},
		{[]string{"LC_CTYPE=C.utf8", "LANG=C"}, true},
	} {
		if got := ForEnv(tc.env).UTF8; got != tc.utf8 {
			t.Errorf("ForEnv(%q) = %v", tc.env, got)
		}
	}
}
