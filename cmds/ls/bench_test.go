package ls

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/stdio"
)

// bigDir makes a directory of n empty files.
func bigDir(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	for i := range n {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("file%05d", i)))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	return dir
}

func benchLs(b *testing.B, args ...string) {
	o := &applet.IO{
		Name:   "ls",
		Stdin:  strings.NewReader(""),
		Stdout: stdio.NewWriter(io.Discard, stdio.Full, 0),
		Stderr: io.Discard,
		Env:    []string{"LC_ALL=C", "TZ=UTC", "TERM=xterm"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if st := o.Finish(Applet.Main(o, args)); st != 0 {
			b.Fatalf("status %d", st)
		}
	}
}

// The targets: ls -l of 20,000 files and ls -lR /usr/share, at no
// more than 0.8x GNU ls's wall time (tests/bench-ls.sh measures the ratio;
// these measure our own time and allocations).
func BenchmarkLong20k(b *testing.B)  { benchLs(b, "-l", bigDir(b, 20000)) }
func BenchmarkPlain20k(b *testing.B) { benchLs(b, bigDir(b, 20000)) }
func BenchmarkColor20k(b *testing.B) { benchLs(b, "--color=always", "-C", bigDir(b, 20000)) }
func BenchmarkLongRUsrShare(b *testing.B) {
	if _, err := os.Stat("/usr/share"); err != nil {
		b.Skip("no /usr/share")
	}
	benchLs(b, "-lR", "/usr/share")
}

// BenchmarkDir lists $LS_BENCH_DIR with $LS_BENCH_ARGS, for profiling.
func BenchmarkDir(b *testing.B) {
	dir := os.Getenv("LS_BENCH_DIR")
	if dir == "" {
		b.Skip("LS_BENCH_DIR not set")
	}
	benchLs(b, append(strings.Fields(os.Getenv("LS_BENCH_ARGS")), dir)...)
}
