package stdio

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
)

// recorder remembers each Write call, standing in for write(2).
type recorder struct {
	calls []string
	err   error
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	r.calls = append(r.calls, string(p))
	return len(p), nil
}

func TestModes(t *testing.T) {
	tests := []struct {
		name   string
		mode   Mode
		size   int
		writes []string
		flush  bool
		want   []string
	}{
		{"full holds until flush", Full, 16, []string{"a\n", "b\n"}, true, []string{"a\nb\n"}},
		{"full holds without flush", Full, 16, []string{"a\n", "b\n"}, false, nil},
		{"full writes when full", Full, 4, []string{"abc", "def", "g"}, true, []string{"abcd", "efg"}},
		{"full big chunk goes through", Full, 4, []string{"0123456789"}, false, []string{"0123456789"}},
		{"line per line", Line, 64, []string{"a\nb\nc"}, false, []string{"a\n", "b\n"}},
		{"line joins pieces", Line, 64, []string{"a", "b", "\nc"}, true, []string{"ab\n", "c"}},
		{"line longer than buffer in one write", Line, 4, []string{"abcdefgh\n"}, false, []string{"abcdefgh\n"}},
		{"unbuffered", Unbuffered, 0, []string{"a", "b\n"}, false, []string{"a", "b\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			w := NewWriter(&r, tt.mode, tt.size)
			for _, s := range tt.writes {
				if _, err := w.WriteString(s); err != nil {
					t.Fatal(err)
				}
			}
			if tt.flush {
				w.Flush()
			}
			if strings.Join(r.calls, "|") != strings.Join(tt.want, "|") || len(r.calls) != len(tt.want) {
				t.Errorf("writes %q, want %q", r.calls, tt.want)
			}
		})
	}
}

func TestStickyError(t *testing.T) {
	r := recorder{err: syscall.EPIPE}
	w := NewWriter(&r, Unbuffered, 0)
	if _, err := w.WriteString("x"); !IsEPIPE(err) {
		t.Fatalf("first write: %v", err)
	}
	r.err = nil
	if _, err := w.WriteString("y"); !IsEPIPE(err) || len(r.calls) != 0 {
		t.Fatalf("error not sticky: %v, %q", err, r.calls)
	}
	if !errors.Is(w.Err(), syscall.EPIPE) {
		t.Fatalf("Err() = %v", w.Err())
	}
}

func TestParseStdbuf(t *testing.T) {
	tests := []struct {
		in   string
		mode Mode
		size int
		ok   bool
	}{
		{"0", Unbuffered, 0, true},
		{"L", Line, 0, true},
		{"4096", Full, 4096, true},
		{"64K", Full, 64 << 10, true},
		{"1M", Full, 1 << 20, true},
		{"2KB", Full, 2000, true},
		{"x", Full, 0, false},
		{"-1", Full, 0, false},
		{"1Q", Full, 0, false},
		{"", Full, 0, false},
	}
	for _, tt := range tests {
		mode, size, err := ParseStdbuf(tt.in)
		if (err == nil) != tt.ok || (tt.ok && (mode != tt.mode || size != tt.size)) {
			t.Errorf("ParseStdbuf(%q) = %v, %d, %v", tt.in, mode, size, err)
		}
	}
}

func TestForFile(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if m := ForFile(f, "_STDBUF_O", nil).Mode(); m != Full {
		t.Errorf("file: %v, want full", m)
	}
	if m := ForFile(f, "_STDBUF_O", []string{"_STDBUF_O=L"}).Mode(); m != Line {
		t.Errorf("file with _STDBUF_O=L: %v", m)
	}
	if m := ForFile(f, "_STDBUF_E", nil).Mode(); m != Unbuffered {
		t.Errorf("stderr: %v", m)
	}
	tty, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip("no pseudo-terminals here")
	}
	defer tty.Close()
	if m := ForFile(tty, "_STDBUF_O", nil).Mode(); m != Line {
		t.Errorf("terminal: %v, want line", m)
	}
}
