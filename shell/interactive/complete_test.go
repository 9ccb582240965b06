package interactive

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// completionTree builds a directory with awkward names and a PATH
// directory, and returns a Completer rooted there.
func completionTree(t *testing.T) (string, *Completer) {
	t.Helper()
	root := t.TempDir()
	files := map[string]os.FileMode{
		"file.txt": 0o644, "my file": 0o644, "it's": 0o644, "a$b": 0o644, ".hidden": 0o644,
		"exe": 0o755, "dir2/inner": 0o644, "dir2/other": 0o644, "sp ace dir/x": 0o644,
		"bin/zcmd1": 0o755, "bin/zcmd2": 0o755, "bin/znotexec": 0o644, "home/notes": 0o644,
		"new\nline": 0o644,
	}
	for name, mode := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, mode); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("dir2", filepath.Join(root, "link-to-dir")); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"PATH": filepath.Join(root, "bin"), "HOME": filepath.Join(root, "home")}
	c := &Completer{
		Builtins:  func() []string { return []string{"echo", "exit", "export", "cd"} },
		Functions: func() []string { return []string{"zfunc"} },
		Aliases:   func() []string { return []string{"ll"} },
		Applets:   func() []string { return []string{"ls", "lsblk", "echo"} },
		Vars:      func() []string { return []string{"HOME", "HOSTNAME", "PATH", "PWD"} },
		Getenv:    func(k string) string { return env[k] },
		Dir:       func() string { return root },
	}
	return root, c
}

func TestComplete(t *testing.T) {
	_, c := completionTree(t)
	for _, tc := range []struct {
		line  string
		pos   int // -1: end of line
		head  string
		words []string
		tail  string
	}{
		{"cat fi", -1, "cat ", []string{"file.txt "}, ""},
		{"cat my", -1, "cat ", []string{`my\ file `}, ""},
		{"cat it", -1, "cat ", []string{`it\'s `}, ""},
		{"cat a", -1, "cat ", []string{`a\$b `}, ""},
		{"cat ne", -1, "cat ", []string{"'new\nline' "}, ""},
		{`cat "my f`, -1, "cat ", []string{`"my file" `}, ""},
		{`cat 'it`, -1, "cat ", []string{`'it'\''s' `}, ""},
		{`cat my\ f`, -1, "cat ", []string{`my\ file `}, ""},
		{"cat sp", -1, "cat ", []string{`sp\ ace\ dir/`}, ""},
		{"cat link", -1, "cat ", []string{"link-to-dir/"}, ""},
		{"cat dir2/", -1, "cat ", []string{"dir2/inner ", "dir2/other "}, ""},
		{"cat .", -1, "cat ", []string{"./", "../", ".hidden "}, ""},
		{"cat ~/", -1, "cat ", []string{"~/notes "}, ""},
		{"cat fi more", 6, "cat ", []string{"file.txt "}, " more"},
		{"cat x > fi", -1, "cat x > ", []string{"file.txt "}, ""},
		{"zc", -1, "", []string{"zcmd1 ", "zcmd2 "}, ""},
		{"zn", -1, "", nil, ""},
		{"ec", -1, "", []string{"echo "}, ""},
		{"wh", -1, "", []string{"while "}, ""},
		{"e", -1, "", []string{"echo ", "elif ", "else ", "esac ", "exit ", "export "}, ""},
		{"ls", -1, "", []string{"ls ", "lsblk "}, ""},
		{"ls; zf", -1, "ls; ", []string{"zfunc "}, ""},
		{"true && l", -1, "true && ", []string{"link-to-dir/", "ll ", "ls ", "lsblk "}, ""},
		{"FOO=1 zc", -1, "FOO=1 ", []string{"zcmd1 ", "zcmd2 "}, ""},
		{"if zc", -1, "if ", []string{"zcmd1 ", "zcmd2 "}, ""},
		{"echo zc", -1, "echo ", nil, ""},
		{"./e", -1, "", []string{"./exe "}, ""},
		{"./f", -1, "", nil, ""},
		{"d", -1, "", []string{"dir2/", "do ", "done "}, ""},
		{"echo $(ec", -1, "echo $(", []string{"echo "}, ""},
		{"echo `ec", -1, "echo `", []string{"echo "}, ""},
		{"FOO=fi", -1, "FOO=", []string{"file.txt "}, ""},
		{"FOO=dir2/o zc", -1, "FOO=dir2/o ", []string{"zcmd1 ", "zcmd2 "}, ""},
		// As bash: "/" after a variable naming a directory, closing } and ".
		{"echo $HO", -1, "echo $", []string{"HOME/", "HOSTNAME "}, ""},
		{"echo ${PA", -1, "echo ${", []string{"PATH}/"}, ""},
		{"echo ${HOS", -1, "echo ${", []string{"HOSTNAME} "}, ""},
		{"echo ${HOM", -1, "echo ${", []string{"HOME}/"}, ""},
		{`echo "$PW`, -1, `echo "$`, []string{`PWD" `}, ""},
		{`echo "${HOM`, -1, `echo "${`, []string{`HOME}"/`}, ""},
		{`echo '$PW`, -1, "echo ", nil, ""},
		{`echo \$PW`, -1, "echo ", nil, ""},
	} {
		pos := tc.pos
		if pos < 0 {
			pos = len(tc.line)
		}
		got := c.Complete(tc.line, pos)
		if got.Head != tc.head || got.Tail != tc.tail || !reflect.DeepEqual(got.Words, tc.words) {
			t.Errorf("Complete(%q, %d) = head %q words %q tail %q; want head %q words %q tail %q",
				tc.line, pos, got.Head, got.Words, got.Tail, tc.head, tc.words, tc.tail)
		}
	}
}

func TestCompleteDisplay(t *testing.T) {
	_, c := completionTree(t)
	got := c.Complete("cat dir2/", 9)
	if want := []string{"inner", "other"}; !reflect.DeepEqual(got.Display, want) {
		t.Errorf("display %q, want %q", got.Display, want)
	}
	got = c.Complete("cat ", 4)
	for _, d := range got.Display {
		if strings.HasPrefix(d, ".") {
			t.Errorf("dot file %q listed without a leading dot typed", d)
		}
	}
	if !contains(got.Display, "sp ace dir/") || !contains(got.Display, "my file") {
		t.Errorf("display %q lacks the unquoted names", got.Display)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Quoting must survive the shell: bash reading the quoted name back
// yields the original bytes.
func TestShellQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{"plain", "my file", "it's", `a"b`, "a$b", "`x`", "~tilde", "a\\b", "semi;colon", "tab\there", "new\nline", "glob*?[x]", "!bang", "{a,b}", "#hash"} {
		q := ShellQuote(s)
		out, err := runShell(t, "printf %s "+q)
		if err != nil {
			t.Skip("no sh:", err)
		}
		if out != s {
			t.Errorf("ShellQuote(%q) = %q, which the shell reads as %q", s, q, out)
		}
	}
}

func TestColumns(t *testing.T) {
	items := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"}
	got := Columns(items, 30)
	// widest is 7, columns 9 wide, 30/9 = 3 columns, 3 rows, filled downwards.
	want := "alpha    delta    eta\nbeta     epsilon\ngamma    zeta\n"
	if got != want {
		t.Errorf("Columns:\n%q\nwant\n%q", got, want)
	}
	if got := Columns(items, 5); got != strings.Join(items, "\n")+"\n" {
		t.Errorf("narrow Columns = %q", got)
	}
	if got := Columns([]string{"a", "b"}, 6); got != "a\nb\n" {
		// 6/3 = 2 columns exactly fill the width: one fewer, as readline.
		t.Errorf("exact-fit Columns = %q", got)
	}
}

func runShell(t *testing.T, script string) (string, error) {
	t.Helper()
	out, err := exec.Command("/bin/sh", "-c", script).Output()
	return string(out), err
}
