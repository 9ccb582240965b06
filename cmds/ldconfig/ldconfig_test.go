package ldconfig

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestSameAsGlibc runs one table against zinebox's ldconfig and glibc's,
// which must print the same bytes and exit with the same status.
func TestSameAsGlibc(t *testing.T) {
	dir := t.TempDir()
	small, err := filepath.Abs("../../pkg/ldcache/testdata/small.cache")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "text"), []byte("not a cache\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-p", "-C", small},
		{"--print-cache", "-C", small},
		{"-p"}, // the host's /etc/ld.so.cache
		{"-p", "-C", filepath.Join(dir, "text")},
		{"-p", "-C", filepath.Join(dir, "empty")},
		{"-p", "-C", filepath.Join(dir, "missing")},
	} {
		got := applettest.Run(&Applet, dir, "", nil, args...)
		want := applettest.RunTool(t, "ldconfig", dir, "", nil, args...)
		if got != want {
			t.Errorf("ldconfig %q:\n got %+v\nwant %+v", args, got, want)
		}
	}
}

func TestRefusesRebuild(t *testing.T) {
	got := applettest.Run(&Applet, t.TempDir(), "", nil)
	if got.Status != 1 || got.Stdout != "" || got.Stderr == "" {
		t.Errorf("ldconfig without -p: %+v", got)
	}
}
