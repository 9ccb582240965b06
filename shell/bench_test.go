package shell

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkWhileLoop is the interpreter-loop target: 200,000
// iterations of test and arithmetic, no process started.
func BenchmarkWhileLoop(b *testing.B) {
	const script = "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"
	for b.Loop() {
		s := New(nil, os.Environ())
		src := s.newSource(script, "sh")
		s.runSource(src, strings.NewReader(script), true)
	}
}

// BenchmarkSpawnTrue is the fork/exec target: 2,000 runs of
// /bin/true, each a clone+execve and a wait4.
func BenchmarkSpawnTrue(b *testing.B) {
	const script = "i=0; while [ $i -lt 2000 ]; do /bin/true; i=$((i+1)); done"
	for b.Loop() {
		s := New(nil, os.Environ())
		src := s.newSource(script, "sh")
		s.runSource(src, strings.NewReader(script), true)
	}
}
