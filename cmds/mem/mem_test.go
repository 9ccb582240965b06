package mem

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// number extracts the integer that re's group matches in s.
func number(t *testing.T, s, re string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %q in:\n%s", re, s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestFaults(t *testing.T) {
	r := applettest.Run(&Applet, "", "", nil, "faults", "500")
	if r.Status != 0 {
		t.Fatal(r)
	}
	// Each first touch of a page faults once; the Go runtime may add a few
	// of its own in between.
	if n := number(t, r.Stdout, `minor page faults +(\d+)`); n < 500 || n > 560 {
		t.Errorf("%d minor faults for 500 pages", n)
	}
}

func TestCow(t *testing.T) {
	r := applettest.Run(&Applet, "", "", nil, "cow", "64")
	if r.Status != 0 {
		t.Fatal(r)
	}
	read := number(t, r.Stdout, `reading every page: +(\d+)`)
	write := number(t, r.Stdout, `writing every page: +(\d+)`)
	if write < 64 || write > 100 || read >= write {
		t.Errorf("read %d, write %d faults for 64 pages", read, write)
	}
}

func TestAlloc(t *testing.T) {
	small := applettest.Run(&Applet, "", "", nil, "alloc", "1000")
	if small.Status != 0 || number(t, small.Stdout, `\(\+(\d+)\)`) != 1000 {
		t.Errorf("small: %+v", small)
	}
	big := applettest.Run(&Applet, "", "", nil, "alloc", "1M")
	if big.Status != 0 || !regexp.MustCompile(`mapping +[0-9a-f]+-[0-9a-f]+ rw-p`).MatchString(big.Stdout) {
		t.Errorf("big: %+v", big)
	}
}

func TestMmap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, append(make([]byte, 1<<20), 'Z'), 0o644)
	r := applettest.Run(&Applet, "", "", nil, "mmap", path)
	if r.Status != 0 || !regexp.MustCompile(`last byte +'Z'`).MatchString(r.Stdout) {
		t.Errorf("%+v", r)
	}
}

func TestBadInput(t *testing.T) {
	for _, args := range [][]string{{}, {"faults"}, {"faults", "0"}, {"alloc", "x"}, {"nope", "1"}, {"mmap", "/nonexistent"}, {"mmap", "/dev/null"}} {
		if r := applettest.Run(&Applet, "", "", nil, args...); r.Status == 0 || r.Stderr == "" {
			t.Errorf("mem %q: %+v", args, r)
		}
	}
}
