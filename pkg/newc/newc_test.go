package newc

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var records = []Record{
	{Name: "bin", Mode: Dir | 0o755},
	{Name: "bin/hello", Mode: Regular | 0o755, Data: []byte("#!/bin/sh\necho hello\n")},
	{Name: "bin/sh", Mode: Symlink | 0o777, Data: []byte("hello")},
	{Name: "tmp", Mode: Dir | 0o1777},
	{Name: "dev", Mode: Dir | 0o755},
	{Name: "dev/null", Mode: CharDev | 0o666, RDevMajor: 1, RDevMinor: 3},
	{Name: "etc", Mode: Dir | 0o755, MTime: 1700000000},
	{Name: "etc/odd name", Mode: Regular | 0o600, UID: 1000, GID: 1000, Data: []byte("x")},
	{Name: "empty", Mode: Regular | 0o644},
}

func archive(t *testing.T) []byte {
	var b bytes.Buffer
	w := NewWriter(&b)
	for _, r := range records {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	rd := NewReader(bytes.NewReader(archive(t)))
	for i, want := range records {
		got, err := rd.Next(1 << 20)
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		got.Ino, got.NLink = 0, 0
		if want.Data == nil {
			want.Data = []byte{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("record %d: got %+v, want %+v", i, got, want)
		}
	}
	if _, err := rd.Next(1 << 20); err != io.EOF {
		t.Errorf("after the trailer: %v, want EOF", err)
	}
}

// TestGNUCpioReads extracts our archive with GNU cpio and checks the tree.
func TestGNUCpioReads(t *testing.T) {
	cpio, err := exec.LookPath("cpio")
	if err != nil {
		t.Skip("GNU cpio not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(cpio, "-idm", "--quiet", "--no-absolute-filenames")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(archive(t))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("cpio: %v: %s", err, out)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "bin/hello")); string(data) != "#!/bin/sh\necho hello\n" {
		t.Errorf("bin/hello = %q", data)
	}
	if target, _ := os.Readlink(filepath.Join(dir, "bin/sh")); target != "hello" {
		t.Errorf("bin/sh -> %q", target)
	}
	st, err := os.Stat(filepath.Join(dir, "tmp"))
	if err != nil || st.Mode().Perm() != 0o777 || st.Mode()&os.ModeSticky == 0 {
		t.Errorf("tmp: %v %v", st.Mode(), err)
	}
	// GNU cpio lists what it reads: names and order must match.
	list := exec.Command(cpio, "-it", "--quiet")
	list.Stdin = bytes.NewReader(archive(t))
	out, err := list.Output()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range records {
		names = append(names, r.Name)
	}
	if got := strings.TrimSpace(string(out)); got != strings.Join(names, "\n") {
		t.Errorf("cpio -t:\n%s\nwant:\n%s", got, strings.Join(names, "\n"))
	}
}

func TestFileSaysCpio(t *testing.T) {
	file, err := exec.LookPath("file")
	if err != nil {
		t.Skip("file not installed")
	}
	path := filepath.Join(t.TempDir(), "a.cpio")
	os.WriteFile(path, archive(t), 0o644)
	out, _ := exec.Command(file, "-b", path).Output()
	if got := strings.TrimSpace(string(out)); got != "ASCII cpio archive (SVR4 with no CRC)" {
		t.Errorf("file(1) says %q", got)
	}
}

func TestBadInput(t *testing.T) {
	good := archive(t)
	tests := map[string][]byte{
		"empty":         nil,
		"bad magic":     append([]byte("070707"), good[6:]...),
		"truncated":     good[:len(good)/2],
		"no trailer":    good[:len(good)-124],
		"bad hex":       append(append([]byte(Magic), "zzzzzzzz"...), good[14:]...),
		"huge name":     []byte(Magic + strings.Repeat("0", 8*11) + "7fffffff" + "00000000"),
		"header only":   good[:50],
		"zero namesize": []byte(Magic + strings.Repeat("0", 8*13)),
	}
	for name, data := range tests {
		rd := NewReader(bytes.NewReader(data))
		var err error
		for range 100 {
			if _, err = rd.Next(1 << 20); err != nil {
				break
			}
		}
		if err == nil || err == io.EOF {
			t.Errorf("%s: err = %v, want a failure", name, err)
		}
	}
}

func FuzzReader(f *testing.F) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write(Record{Name: "a", Mode: Regular | 0o644, Data: []byte("hi")})
	w.Close()
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := NewReader(bytes.NewReader(data))
		for range 1000 {
			if _, err := rd.Next(1 << 16); err != nil {
				return
			}
		}
	})
}
