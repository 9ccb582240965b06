package backup

import (
	"os"
	"path/filepath"
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
