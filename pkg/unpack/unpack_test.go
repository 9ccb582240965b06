package unpack

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// compress runs the system's compressor on data (gzip -c, bzip2 -c, ...),
// or skips when it is not installed.
func compress(t *testing.T, prog string, data []byte) []byte {
	t.Helper()
	path, err := exec.LookPath(prog)
	if err != nil {
		t.Skipf("no %s", prog)
	}
	cmd := exec.Command(path, "-c")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s -c: %v", prog, err)
	}
	return out
}

func TestDecompress(t *testing.T) {
	text := []byte(strings.Repeat("hello, zine\n", 20000)) // 240 kB
	env := os.Environ()
	for _, tc := range []struct {
		prog, format string
	}{
		{"gzip", "gzip"},
		{"bzip2", "bzip2"},
		{"xz", "xz"},
		{"zstd", "zstd"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			packed := compress(t, tc.prog, text)
			f, ok := Detect(packed)
			if !ok || f.Name != tc.format {
				t.Fatalf("Detect = %q, %v", f.Name, ok)
			}
			for _, limit := range []int64{int64(len(text)) + 1, 4096} {
				out, err := Decompress(f, bytes.NewReader(packed), limit, env)
				want := text[:min(int64(len(text)), limit)]
				if err != nil || !bytes.Equal(out, want) {
					t.Errorf("limit %d: %d bytes, %v; want %d bytes", limit, len(out), err, len(want))
				}
			}
			// corrupt data: an error, not a panic or a hang
			bad := append([]byte{}, packed[:len(packed)/2]...)
			for i := len(f.magic) + 8; i < len(bad); i += 7 {
				bad[i] ^= 0x5a
			}
			if out, err := Decompress(f, bytes.NewReader(bad), 1<<20, env); err == nil && bytes.Equal(out, text) {
				t.Errorf("corrupt data decompressed whole")
			}
		})
	}
}

func TestNoProgram(t *testing.T) {
	f, _ := Detect([]byte("\xfd7zXZ\x00\x00\x04"))
	_, err := Decompress(f, strings.NewReader("\xfd7zXZ\x00"), 100, []string{"PATH=/nonexistent"})
	if !errors.Is(err, ErrNoProgram) {
		t.Errorf("err = %v, want ErrNoProgram", err)
	}
	if _, ok := Detect([]byte("plain text")); ok {
		t.Errorf("plain text detected as compressed")
	}
}
