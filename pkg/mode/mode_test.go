package mode

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// modes is the table of mode strings run through both Parse+Apply and GNU
// chmod; invalid ones must be rejected by both.
var modes = []string{
	"0", "7", "644", "755", "4755", "2755", "1777", "7777", "0755", "00755", "000644", "07777",
	"8", "77777", "1x", "", ",", "u", "+", "-", "=", "u+", "a=", "=,", "u+x,", ",u+x", "q+z",
	"+x", "-w", "=r", "+s", "+t", "-rwx", "=rwx", "+X", "=X", "-X", "a+X", "u+X,g-x",
	"u+x", "g-w", "o=r", "a=rw", "ug+s", "u+s", "g+s", "o+t", "+st", "u-s", "g-s", "a-st",
	"u=rwx,g=rx,o=", "ug=rw,o=r", "u+x-w", "u=rw+x", "a=r,u+w", "go-rwx", "u=g", "g=u", "o=u",
	"g+u", "o-g", "u=o", "a=u", "+u", "=g", "-o", "u+g,go-u", "u=gx", "uu+x", "ua-w", "augo=",
	"+755", "=644", "-022", "u+755", "+755,u+s", "=0", "+7777", "+17777", "u=r,+644", "+7x",
	"a+rwxXst", "u=X", "+rX", "o=t", "=t", "-t", "a-t", "g=s", "u=s", "=s", "-s",
}

var starts = []uint32{0, 0o644, 0o755, 0o7777, 0o2755, 0o4711, 0o1000, 0o100, 0o060}

// TestAgainstGNUChmod applies every mode of the table to a file and a
// directory in several starting modes, with GNU chmod and with Apply.
func TestAgainstGNUChmod(t *testing.T) {
	chmod, err := exec.LookPath("chmod")
	if err != nil {
		t.Skip("chmod not installed")
	}
	umask := unix.Umask(0o022)
	defer unix.Umask(umask)
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	sub := filepath.Join(dir, "d")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range modes {
		m, perr := Parse(s)
		for _, path := range []string{file, sub} {
			isDir := path == sub
			for _, start := range starts {
				if err := unix.Chmod(path, start); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(chmod, "--", s, path)
				cmd.Env = append(os.Environ(), "LC_ALL=C")
				out, gerr := cmd.CombinedOutput()
				var st unix.Stat_t
				if err := unix.Stat(path, &st); err != nil {
					t.Fatal(err)
				}
				got := st.Mode & All
				if (perr == nil) != (gerr == nil) {
					t.Errorf("mode %q: Parse error %v, GNU chmod: %v %s", s, perr, gerr, out)
					break
				}
				if perr != nil {
					continue
				}
				if want, _ := m.Apply(start, isDir, 0o022); want != got {
					t.Errorf("mode %q on %04o (dir %v): got %04o, GNU chmod %04o", s, start, isDir, want, got)
				}
			}
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		m    uint32
		want string
	}{
		{TypeReg | 0o4755, "-rwsr-xr-x"},
		{TypeReg | 0o4644, "-rwSr--r--"},
		{TypeReg | 0o2755, "-rwxr-sr-x"},
		{TypeReg | 0o2745, "-rwxr-Sr-x"},
		{TypeDir | 0o1777, "drwxrwxrwt"},
		{TypeDir | 0o1776, "drwxrwxrwT"},
		{TypeLink | 0o777, "lrwxrwxrwx"},
		{TypeFifo | 0o644, "prw-r--r--"},
		{TypeSock | 0o755, "srwxr-xr-x"},
		{TypeChr | 0o620, "crw--w----"},
		{TypeBlk | 0o660, "brw-rw----"},
		{0o7000, "?--S--S--T"},
		{TypeReg | 0o7777, "-rwsrwsrwt"},
	} {
		if got := String(tc.m); got != tc.want {
			t.Errorf("String(%o) = %q, want %q", tc.m, got, tc.want)
		}
		if got := Permissions(tc.m); got != tc.want[1:] {
			t.Errorf("Permissions(%o) = %q, want %q", tc.m, got, tc.want[1:])
		}
	}
}

// checkRoundTrip checks that the octal and symbolic spellings of m both set
// exactly m, whatever the file had before and whatever the umask.
//
// A directory keeps its set-user-ID and set-group-ID bits through an octal
// mode of fewer than five digits and through "u=" or "g=" (GNU's rule:
// only "u-s", "g-s" or five digits clear them), so for directories the
// spelling is the five-digit octal one.
func checkRoundTrip(t *testing.T, m, old, umask uint32) {
	m &= All
	for _, isDir := range []bool{false, true} {
		spellings := []string{fmt.Sprintf("%04o", m), fmt.Sprintf("%o", m), Symbolic(m)}
		if isDir {
			spellings = []string{fmt.Sprintf("%05o", m)}
		}
		for _, s := range spellings {
			p, err := Parse(s)
			if err != nil {
				t.Fatalf("Parse(%q) of formatted %04o: %v", s, m, err)
			}
			if got, _ := p.Apply(old, isDir, umask&0o777); got != m {
				t.Fatalf("Parse(%q).Apply(%04o, dir %v) = %04o, want %04o", s, old, isDir, got, m)
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for m := uint32(0); m <= All; m++ {
		checkRoundTrip(t, m, ^m, 0o022)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range modes {
		f.Add(s, uint32(0o644), uint32(0o022), false)
	}
	f.Fuzz(func(t *testing.T, s string, old, umask uint32, isDir bool) {
		if m, err := Parse(s); err == nil {
			if got, _ := m.Apply(old, isDir, umask); got&^All != 0 {
				t.Fatalf("Apply gave bits outside 07777: %o", got)
			}
		}
		checkRoundTrip(t, old, umask, umask)
		_ = String(old)
	})
}
