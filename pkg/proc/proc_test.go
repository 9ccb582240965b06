package proc

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseStatOddComm(t *testing.T) {
	for _, tc := range []struct {
		line, comm string
		ppid       int
	}{
		{"42 (cat) R 7 42 7 34816 42 4194304 99 0 0 0 0 0 0 0 20 0 1 0 63039 3133440 393 18446744073709551615 1 2 3 0 0 0 0 0 0 0 0 0 17 1 0 0", "cat", 7},
		{"42 (a) b (c)) S 9 42 7 0 -1 0 0 0 0 0 5 6 0 0 20 0 3 0 100 4096 10 0 1 2 3 0 0 0 0 0 0 0 0 0 17 1 0 0", "a) b (c)", 9},
		{"42 () Z 1 42 7 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0 0 1 2 3 0 0 0 0 0 0 0 0 0 17 1 0 0", "", 1},
	} {
		s, err := ParseStat([]byte(tc.line))
		if err != nil || s.Comm != tc.comm || s.PPid != tc.ppid || s.Pid != 42 {
			t.Errorf("ParseStat(%q) = %+v, %v", tc.line, s, err)
		}
	}
	for _, bad := range []string{"", "42 cat R", "42 (cat) R 1 2"} {
		if _, err := ParseStat([]byte(bad)); err == nil {
			t.Errorf("ParseStat(%q) succeeded", bad)
		}
	}
}

// A live child named with spaces and parentheses, read by every reader;
// then read again after it is gone.
func TestLiveAndVanished(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "x) (y")
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep")
	}
	if err := os.Symlink(sleep, prog); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(prog, "60")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	st, err := ReadStat(pid, 0)
	if err != nil || st.Comm != "x) (y" || st.PPid != os.Getpid() {
		t.Errorf("ReadStat = %+v, %v", st, err)
	}
	args, err := Cmdline(pid)
	if err != nil || len(args) != 2 || args[1] != "60" {
		t.Errorf("Cmdline = %q, %v", args, err)
	}
	status, err := ReadStatus(pid, 0)
	if err != nil || status.Get("Name") != "x) (y" || status.IDs("Uid")[0] != os.Getuid() {
		t.Errorf("ReadStatus Name=%q Uid=%v err=%v", status.Get("Name"), status.IDs("Uid"), err)
	}
	maps, err := Smaps(pid)
	if err != nil || len(maps) == 0 {
		t.Fatalf("Smaps = %v", err)
	}
	found := false
	for _, m := range maps {
		if strings.HasSuffix(m.Path, "/sleep") && m.Size > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("no mapping of sleep in %+v", maps)
	}
	if tasks, err := Tasks(pid); err != nil || len(tasks) != 1 || tasks[0] != pid {
		t.Errorf("Tasks = %v, %v", tasks, err)
	}
	if fds, err := FDs(pid); err != nil || len(fds) < 1 {
		t.Errorf("FDs = %v, %v", fds, err)
	}
	pids, _ := Pids()
	if !containsInt(pids, pid) {
		t.Errorf("Pids lacks %d", pid)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := ReadStat(pid, 0); !Gone(err) {
		t.Errorf("ReadStat of reaped child: %v, want Gone", err)
	}
	if _, err := Cmdline(pid); !Gone(err) {
		t.Errorf("Cmdline of reaped child: %v, want Gone", err)
	}
	if _, err := Tasks(pid); !Gone(err) {
		t.Errorf("Tasks of reaped child: %v, want Gone", err)
	}
}

func containsInt(l []int, n int) bool {
	for _, x := range l {
		if x == n {
			return true
		}
	}
	return false
}

func TestTtyName(t *testing.T) {
	for _, tc := range []struct {
		nr   int
		want string
	}{
		{0, "?"}, {136<<8 | 3, "pts/3"}, {137<<8 | 1, "pts/257"}, {4<<8 | 1, "tty1"},
		{4<<8 | 64, "ttyS0"}, {5<<8 | 1, "console"}, {34816 + 300&0xff | (300>>8)<<20, "pts/300"},
	} {
		if got := TtyName(tc.nr); got != tc.want {
			t.Errorf("TtyName(%d) = %q, want %q", tc.nr, got, tc.want)
		}
	}
}

func TestSystemFiles(t *testing.T) {
	if up, _, err := Uptime(); err != nil || up <= 0 {
		t.Errorf("Uptime = %v, %v", up, err)
	}
	if bt, err := BootTime(); err != nil || bt <= 0 {
		t.Errorf("BootTime = %v, %v", bt, err)
	}
	mem, err := MemInfo()
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := mem("MemTotal"); !ok || v <= 0 {
		t.Errorf("MemTotal = %v %v", v, ok)
	}
	if _, ok := mem("NoSuchKey"); ok {
		t.Error("NoSuchKey found")
	}
}

func TestParseMapLine(t *testing.T) {
	for _, tc := range []struct{ line, path string }{
		{"5595a76dd000-5595a76fe000 rw-p 00000000 00:00 0                          [heap]", "[heap]"},
		{"7f3f8cbf0000-7f3f8cc16000 r--p 00000000 fe:00 1234    /usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6"},
		{"7f3f8cbf0000-7f3f8cc16000 r--p 00000000 fe:00 1234    /tmp/a b (deleted)", "/tmp/a b (deleted)"},
		{"7f3f8cbf0000-7f3f8cc16000 rw-p 00000000 00:00 0 ", ""},
		{"7f3f8cbf0000-7f3f8cc16000 rw-p 00000000 00:00 0", ""},
	} {
		m, ok := parseMapLine(tc.line)
		if !ok || m.Path != tc.path {
			t.Errorf("parseMapLine(%q) = %q, %v; want %q", tc.line, m.Path, ok, tc.path)
		}
	}
}
