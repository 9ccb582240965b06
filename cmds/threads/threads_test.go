package threads

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// TestThreadsAreReal starts the demo and finds its threads in /proc, named
// as it says, all in one process.
func TestThreadsAreReal(t *testing.T) {
	bin := applettest.Binary(t)
	cmd := exec.Command(bin, "threads", "3")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	prefix := "process " + strconv.Itoa(pid) + " started 3 sleeping threads: "
	if !strings.HasPrefix(line, prefix) {
		t.Fatalf("first line %q, want prefix %q", line, prefix)
	}
	tids := strings.Fields(strings.TrimPrefix(line, prefix))
	if len(tids) != 3 {
		t.Fatalf("tids %q", tids)
	}
	names := map[string]bool{}
	for _, tid := range tids {
		comm, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/task/" + tid + "/comm")
		if err != nil {
			t.Fatalf("thread %s is not a task of %d: %v", tid, pid, err)
		}
		names[strings.TrimSpace(string(comm))] = true
	}
	// The process keeps its name: ps shows the main thread's comm.
	if comm, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm"); string(comm) != "threads\n" {
		t.Errorf("the process is named %q, want threads", comm)
	}
	for _, tid := range tids {
		if tid == strconv.Itoa(pid) {
			t.Errorf("a sleeper runs on the main thread %s", tid)
		}
	}
	for i := 1; i <= 3; i++ {
		if !names["sleeper-"+strconv.Itoa(i)] {
			t.Errorf("no thread named sleeper-%d among %v", i, names)
		}
	}
	status, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	for _, l := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(l, "Threads:"); ok {
			if n, _ := strconv.Atoi(strings.TrimSpace(v)); n < 4 {
				t.Errorf("Threads: %d, want at least 4", n)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, args := range [][]string{{"0"}, {"x"}, {"1001"}, {"1", "2"}, {"-t", "x"}} {
		if r := applettest.Run(&Applet, "", "", nil, args...); r.Status == 0 || r.Stderr == "" {
			t.Errorf("threads %q: %+v", args, r)
		}
	}
}
