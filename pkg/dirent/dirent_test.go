package dirent

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/sys/unix"
)

func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	want := map[string]uint8{"sub": Dir, "ln": Link}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("x", filepath.Join(dir, "ln")); err != nil {
		t.Fatal(err)
	}
	for i := range 2000 { // more than one 32 KiB buffer of records
		name := fmt.Sprintf("file-%04d-with-a-longish-name", i)
		want[name] = Reg
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	recs, err := ReadAll(fd, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]uint8{}
	var names []string
	for {
		name, typ, rest, ok := Next(recs)
		if !ok {
			break
		}
		got[string(name)] = typ
		names = append(names, string(name))
		recs = rest
	}
	if len(got) != len(want) || len(names) != len(want) {
		t.Fatalf("got %d entries (%d names), want %d", len(got), len(names), len(want))
	}
	sort.Strings(names)
	for n, typ := range want {
		if got[n] != typ {
			t.Errorf("%s: type %d, want %d", n, got[n], typ)
		}
	}
}
