package errno

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestTextMatchesGlibc compares every entry with the strerror(3) of the C
// library on this machine, asked through perl (whose $! is strerror).
func TestTextMatchesGlibc(t *testing.T) {
	perl, err := exec.LookPath("perl")
	if err != nil {
		t.Skip("perl not installed: no C strerror to compare with")
	}
	var script strings.Builder
	for i := 1; i < len(table); i++ {
		script.WriteString("$! = " + strconv.Itoa(i) + "; print \"$!\\n\";\n")
	}
	out, err := exec.Command(perl, "-e", script.String()).Output()
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	for i := 1; i < len(table); i++ {
		if table[i].text == "" {
			continue
		}
		if got := Text(syscall.Errno(i)); got != want[i-1] {
			t.Errorf("errno %d: got %q, glibc says %q", i, got, want[i-1])
		}
	}
}

func TestMessage(t *testing.T) {
	_, err := os.Open("/nonexistent/zinebox")
	tests := []struct {
		err  error
		want string
	}{
		{err, "No such file or directory"},
		{syscall.EEXIST, "File exists"},
		{&os.SyscallError{Syscall: "mkfifo", Err: syscall.EACCES}, "Permission denied"},
		{os.ErrNotExist, "No such file or directory"},
		{errors.New("plain"), "plain"},
		{syscall.Errno(4000), "Unknown error 4000"},
	}
	for _, tt := range tests {
		if got := Message(tt.err); got != tt.want {
			t.Errorf("Message(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
	if Name(syscall.ENOENT) != "ENOENT" {
		t.Errorf("Name(ENOENT) = %q", Name(syscall.ENOENT))
	}
}
