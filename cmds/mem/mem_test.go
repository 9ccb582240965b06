package mem

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
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

// TestCow runs the real binary: the experiment re-executes it as the child.
func TestCow(t *testing.T) {
	out, err := exec.Command(applettest.Binary(t), "mem", "cow", "64").Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	s := string(out)
	read := number(t, s, `reading every page: +(\d+)`)
	write := number(t, s, `writing every page: +(\d+)`)
	if write < 64 || write > 100 || read >= write || !strings.Contains(s, "every page still reads 'P'") {
		t.Errorf("read %d, write %d faults for 64 pages:\n%s", read, write, s)
	}
	parent := number(t, s, `^parent (\d+):`)
	child := number(t, s, `child +(\d+):`)
	if parent == child {
		t.Errorf("parent and child are one process:\n%s", s)
	}
	// In-process (not the multicall binary) it must refuse, not re-run
	// the test binary.
	if r := applettest.Run(&Applet, "", "", nil, "cow", "1"); r.Status != 1 {
		t.Errorf("in-process cow: %+v", r)
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
	// The mapping counts in VmData from mmap to munmap. The Go runtime may
	// map a little of its own between two readings: allow 128 kB.
	grown := number(t, big.Stdout, `VmData +\d+ kB -> (\d+) kB\n`) - number(t, big.Stdout, `VmData +(\d+) kB -> \d+ kB\n`)
	freed := number(t, big.Stdout, `freed: .*VmData (\d+) kB`) - number(t, big.Stdout, `freed: .*VmData \d+ kB -> (\d+) kB`)
	if grown < 1024 || grown > 1024+128 || freed < 1024-128 || freed > 1024 {
		t.Errorf("VmData grew by %d kB and shrank by %d kB for 1 MiB:\n%s", grown, freed, big.Stdout)
	}
}

func TestMmap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f")
	os.WriteFile(path, append(make([]byte, 1<<20), 'Z'), 0o644)
	r := applettest.Run(&Applet, "", "", nil, "mmap", path)
	if r.Status != 0 || !regexp.MustCompile(`last byte +'Z'`).MatchString(r.Stdout) {
		t.Errorf("%+v", r)
	}
	// Reading the last byte brings in at least its page. How many of
	// the 257 pages come with it is the kernel's choice: the 16 pages
	// fault-around maps, or a whole large folio of the page cache (all of
	// a file just written to tmpfs, on some kernels).
	if res, size := number(t, r.Stdout, `resident +(\d+) kB`), number(t, r.Stdout, `of the mapping's (\d+) kB`); res < 4 || res > size || size != 1028 {
		t.Errorf("resident %d kB of %d kB:\n%s", res, size, r.Stdout)
	}
}

func TestBadInput(t *testing.T) {
	for _, args := range [][]string{{}, {"faults"}, {"faults", "0"}, {"alloc", "x"}, {"nope", "1"}, {"mmap", "/nonexistent"}, {"mmap", "/dev/null"}} {
		if r := applettest.Run(&Applet, "", "", nil, args...); r.Status == 0 || r.Stderr == "" {
			t.Errorf("mem %q: %+v", args, r)
		}
	}
}
