package interactive

import (
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// waitStatus starts argv, applies sig to it (0: none), and returns the
// status wait4 reports with WUNTRACED, as the shell's job table would see
// it, and the pid.
func waitStatus(t *testing.T, sig syscall.Signal, argv ...string) (unix.WaitStatus, int) {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	if sig != 0 {
		unix.Kill(pid, sig)
	}
	var ws unix.WaitStatus
	for {
		_, err := unix.Wait4(pid, &ws, unix.WUNTRACED, nil)
		if err != unix.EINTR {
			break
		}
	}
	if ws.Stopped() {
		unix.Kill(pid, unix.SIGKILL)
		unix.Wait4(pid, nil, 0, nil)
	}
	return ws, pid
}

// TestFormatJobAgainstBash runs each scenario in bash with job control
// (set -m) and formats the same process states with FormatJob and
// FormatJobLong.
func TestFormatJobAgainstBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	pids := regexp.MustCompile(`(\][-+ ]) *[0-9]+ `)
	for _, tc := range []struct {
		name   string
		script string // bash: start the job and make it print its lines
		argv   []string
		sig    syscall.Signal
		long   bool
	}{
		{"exit 3", `sh -c "exit 3" & p=$!; while kill -0 $p 2>/dev/null; do :; done; jobs`, []string{"sh", "-c", "exit 3"}, 0, false},
		{"done", `true & p=$!; while kill -0 $p 2>/dev/null; do :; done; jobs`, []string{"true"}, 0, false},
		{"terminated", `sleep 100 & p=$!; kill $p; while kill -0 $p 2>/dev/null; do :; done; jobs`,
			[]string{"sleep", "100"}, unix.SIGTERM, false},
		{"stopped", `sleep 100 & p=$!; kill -STOP $p; until [ "$(cut -d" " -f3 /proc/$p/stat)" = T ]; do :; done; jobs; kill -9 $p`,
			[]string{"sleep", "100"}, unix.SIGSTOP, false},
		{"stopped -l", `sleep 100 & p=$!; kill -STOP $p; until [ "$(cut -d" " -f3 /proc/$p/stat)" = T ]; do :; done; jobs -l; kill -9 $p`,
			[]string{"sleep", "100"}, unix.SIGSTOP, true},
	} {
		out, _ := exec.Command(bash, "--norc", "--noprofile", "-c", "set -m; "+tc.script).CombinedOutput()
		// bash may also print its own stop notice before jobs runs:
		// the last line is the jobs builtin's.
		lines := strings.SplitAfter(strings.TrimSuffix(string(out), "\n"), "\n")
		want := pids.ReplaceAllString(lines[len(lines)-1]+"\n", "$1 PID ")
		ws, pid := waitStatus(t, tc.sig, tc.argv...)
		cmd := tc.argv[0]
		if len(tc.argv) == 3 { // sh -c "exit 3", as bash shows it
			cmd = `sh -c "exit 3"`
		} else if len(tc.argv) == 2 {
			cmd = strings.Join(tc.argv, " ")
		}
		j := Job{ID: 1, Mark: '+', Procs: []JobProc{{Pid: pid, Status: ws, Command: cmd}}}
		got := FormatJob(j)
		if tc.long {
			got = pids.ReplaceAllString(FormatJobLong(j), "$1 PID ")
		}
		if got != want {
			t.Errorf("%s: got %q, bash %q", tc.name, got, want)
		}
	}
}

func TestFormatJobPipeline(t *testing.T) {
	j := Job{ID: 2, Mark: '-', Procs: []JobProc{
		{Pid: 8377, Running: true, Command: "sleep 101"},
		{Pid: 8379, Running: true, Command: "cat"},
	}}
	// As bash -c 'set -m; sleep 101 | cat & jobs; jobs -l' prints them.
	if got, want := FormatJob(j), "[2]-  Running                 sleep 101 | cat &\n"; got != want {
		t.Errorf("FormatJob = %q, want %q", got, want)
	}
	// (the second process has the first one's state: bash shows blanks)
	want := "[2]-  8377 Running                 sleep 101\n      8379                       | cat &\n"
	if got := FormatJobLong(j); got != want {
		t.Errorf("FormatJobLong = %q, want %q", got, want)
	}
	if got := FormatJobStarted(1, 12345); got != "[1] 12345\n" {
		t.Errorf("FormatJobStarted = %q", got)
	}
	// A core dump is noted after the padded state, as bash does.
	core := unix.WaitStatus(int(unix.SIGSEGV) | 0x80)
	j = Job{ID: 3, Procs: []JobProc{{Status: core, Command: "./crash"}}}
	if got, want := FormatJob(j), "[3]   Segmentation fault      (core dumped) ./crash\n"; got != want {
		t.Errorf("core: %q, want %q", got, want)
	}
}
