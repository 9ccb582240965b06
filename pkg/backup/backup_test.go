package backup

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "f")
	for _, tc := range []struct {
		kind  Kind
		files []string
		want  string
	}{
		{Simple, nil, f + "~"},
		{Numbered, nil, f + ".~1~"},
		{Existing, nil, f + "~"},
		{Numbered, []string{"f.~1~", "f.~9~", "f.~x~", "g.~12~"}, f + ".~10~"},
		{Existing, []string{"f.~1~", "f.~9~"}, f + ".~10~"},
	} {
		for _, n := range tc.files {
			os.WriteFile(filepath.Join(dir, n), nil, 0o644)
		}
		if got := (Options{tc.kind, "~"}).Name(f); got != tc.want {
			t.Errorf("%v with %v: %q, want %q", tc.kind, tc.files, got, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in            string
		kind          Kind
		ok, ambiguous bool
	}{
		{"t", Numbered, true, false}, {"numbered", Numbered, true, false}, {"nu", Numbered, true, false},
		{"n", None, false, true}, {"ne", Simple, true, false}, {"x", None, false, false}, {"", None, false, false},
		{"s", Simple, true, false}, {"e", Existing, true, false}, {"o", None, true, false},
	} {
		k, ok, amb := Parse(tc.in)
		if k != tc.kind || ok != tc.ok || amb != tc.ambiguous {
			t.Errorf("Parse(%q) = %v %v %v", tc.in, k, ok, amb)
		}
	}
}

// TestResolveAgainstCp asks GNU cp -b/--backup=CONTROL, with
// VERSION_CONTROL and SIMPLE_BACKUP_SUFFIX set, which backup it makes (or
// which word it rejects), and compares with Resolve.
func TestResolveAgainstCp(t *testing.T) {
	if _, err := exec.LookPath("cp"); err != nil {
		t.Skip("cp not installed")
	}
	for _, tc := range []struct{ env, control, suffix string }{
		{"", "", ""}, {"simple", "", ""}, {"numbered", "", ".bak"}, {"bogus", "", ""}, {"n", "", ""},
		{"bogus", "simple", ""}, {"", "n", ""}, {"", "x", ""}, {"t", "never", "/x"}, {"none", "", ""},
		{"nil", "", ""}, {"bogus", "existing", ""},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "a"), []byte("a"), 0o644)
		os.WriteFile(filepath.Join(dir, "b"), []byte("b"), 0o644)
		arg := "-b"
		if tc.control != "" {
			arg = "--backup=" + tc.control
		}
		getenv := func(name string) string {
			return map[string]string{"VERSION_CONTROL": tc.env, "SIMPLE_BACKUP_SUFFIX": tc.suffix}[name]
		}
		o, bad := Resolve(getenv, tc.control)
		want := []string{}
		if bad == nil {
			if name := o.Name(filepath.Join(dir, "b")); name != "" {
				want = append(want, filepath.Base(name))
			}
		}
		cmd := exec.Command("cp", arg, "a", "b")
		cmd.Dir = dir
		cmd.Env = []string{"LC_ALL=C", "VERSION_CONTROL=" + tc.env, "SIMPLE_BACKUP_SUFFIX=" + tc.suffix}
		out, err := cmd.CombinedOutput()
		if err != nil {
			if bad == nil {
				t.Errorf("%+v: Resolve accepts, GNU says %q", tc, out)
			} else if want := fmt.Sprintf("cp: %s argument '%s' for '%s'\n", bad.Kind, bad.Value, bad.What); !strings.HasPrefix(string(out), want) {
				t.Errorf("%+v: we would say %q, GNU %q", tc, want, out)
			}
			continue
		}
		if bad != nil {
			t.Errorf("%+v: Resolve rejects (%+v), GNU accepts", tc, *bad)
			continue
		}
		names, _ := os.ReadDir(dir)
		var backups []string
		for _, n := range names {
			if n.Name() != "a" && n.Name() != "b" {
				backups = append(backups, n.Name())
			}
		}
		if strings.Join(backups, " ") != strings.Join(want, " ") {
			t.Errorf("%+v: GNU made %q, Resolve gives %+v (%q)", tc, backups, o, want)
		}
	}
}
