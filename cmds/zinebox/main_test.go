package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// bin is the zinebox binary built for these tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zinebox-main-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "zinebox")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building zinebox: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBin runs argv (argv[0] is the path to execute and the name it is given)
// and returns stdout, stderr and the exit status.
func runBin(t *testing.T, path string, argv0 string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(path, args...)
	cmd.Args[0] = argv0
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	status := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), status
}

func TestDispatch(t *testing.T) {
	dir := t.TempDir()
	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	echoLink := link("echo", bin)
	chain := link("mytool", "echo") // mytool -> echo -> zinebox
	hard := filepath.Join(dir, "wc")
	if err := os.Link(bin, hard); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, argv0 string
		args              []string
		out, err          string
		status            int
	}{
		{"first argument", bin, bin, []string{"echo", "hi"}, "hi\n", "", 0},
		{"symlink name", echoLink, echoLink, []string{"hi"}, "hi\n", "", 0},
		{"symlink chain", chain, chain, []string{"via", "chain"}, "via chain\n", "", 0},
		{"hard link", hard, hard, []string{"-c", "/dev/null"}, "0 /dev/null\n", "", 0},
		{"bare argv0", bin, "echo", []string{"bare"}, "bare\n", "", 0},
		{"login dash", bin, "-echo", []string{"x"}, "x\n", "", 0},
		{"unknown", bin, bin, []string{"nosuch", "x"}, "", "zinebox: applet not found: nosuch\n", 127},
		{"version", bin, bin, []string{"--version"}, "zinebox 0.1.0\n", "", 0},
		{"false status", bin, bin, []string{"false"}, "", "", 1},
		{"messages name argv0", echoLink, "./bin/cat", []string{"/nonexistent"}, "", "./bin/cat: /nonexistent: No such file or directory\n", 1},
		{"messages name the applet", bin, bin, []string{"cat", "/nonexistent"}, "", "cat: /nonexistent: No such file or directory\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, status := runBin(t, tt.path, tt.argv0, tt.args...)
			if out != tt.out || errs != tt.err || status != tt.status {
				t.Errorf("got %q %q %d, want %q %q %d", out, errs, status, tt.out, tt.err, tt.status)
			}
		})
	}
}

func TestListAndInstall(t *testing.T) {
	out, _, status := runBin(t, bin, bin, "--list")
	names := strings.Fields(out)
	if status != 0 || len(names) != len(applets) || !slices.IsSorted(names) {
		t.Fatalf("--list: status %d, %d names (registry has %d), sorted %v", status, len(names), len(applets), slices.IsSorted(names))
	}
	for _, symbolic := range []bool{false, true} {
		dir := t.TempDir()
		args := []string{"--install", dir}
		if symbolic {
			args = []string{"--install", "-s", dir}
		}
		if _, errs, status := runBin(t, bin, bin, args...); status != 0 {
			t.Fatalf("%v: %d %s", args, status, errs)
		}
		for _, name := range names {
			st, err := os.Lstat(filepath.Join(dir, name))
			if err != nil {
				t.Fatalf("%v: %v", args, err)
			}
			if isLink := st.Mode()&os.ModeSymlink != 0; isLink != symbolic {
				t.Errorf("%s: symlink %v, want %v", name, isLink, symbolic)
			}
		}
		out, _, _ := runBin(t, filepath.Join(dir, "echo"), filepath.Join(dir, "echo"), "installed")
		if out != "installed\n" {
			t.Errorf("installed echo printed %q", out)
		}
		// A second install must not replace what is there.
		if _, errs, status := runBin(t, bin, bin, args...); status != 1 || !strings.Contains(errs, "File exists") {
			t.Errorf("re-install: status %d, %q", status, errs)
		}
	}
}

// TestSIGPIPE: `yes | head -n 1`: when the reader goes away, yes dies of
// SIGPIPE, as the zine's pipes page says, instead of printing an error.
func TestSIGPIPE(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "yes")
	cmd.Stdout = w
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	buf := make([]byte, 10)
	if _, err := io.ReadFull(r, buf); err != nil || string(buf) != "y\ny\ny\ny\ny\n" {
		t.Fatalf("read %q, %v", buf, err)
	}
	r.Close()
	err = cmd.Wait()
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ws.Signaled() || ws.Signal() != syscall.SIGPIPE {
		t.Errorf("yes ended with %v, want death by SIGPIPE", err)
	}
	if errb.Len() != 0 {
		t.Errorf("stderr %q, want nothing", errb.String())
	}
}

// TestSignalFlushes: a fully buffered cat -n killed by SIGTERM writes what
// it had buffered before dying of that same signal.
func TestSignalFlushes(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			outPath := filepath.Join(t.TempDir(), "out")
			out, err := os.Create(outPath)
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			cmd := exec.Command(bin, "cat", "-n")
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stdout = out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var input strings.Builder
			for i := range 100 {
				input.WriteString("line " + strconv.Itoa(i) + "\n")
			}
			if _, err := io.WriteString(stdin, input.String()); err != nil {
				t.Fatal(err)
			}
			waitUntilRead(t, cmd.Process.Pid, input.Len())
			if st, _ := out.Stat(); st.Size() != 0 {
				t.Fatalf("output not buffered: %d bytes already written", st.Size())
			}
			cmd.Process.Signal(sig)
			cmd.Wait()
			ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("cat ended with %v, want death by %v", cmd.ProcessState, sig)
			}
			got, _ := os.ReadFile(outPath)
			if n := bytes.Count(got, []byte("\n")); n != 100 {
				t.Errorf("after %v the file has %d lines, want all 100", sig, n)
			}
		})
	}
}

// waitUntilRead polls /proc until the process has read n bytes and is
// blocked reading standard input again, which means it has dealt with all
// it read: read(2) is system call 0 and fd 0 its first argument in
// /proc/PID/task/TID/syscall.
func waitUntilRead(t *testing.T, pid, n int) {
	t.Helper()
	proc := "/proc/" + strconv.Itoa(pid)
	for range 1000 {
		if readBytes(t, proc) >= n && blockedReadingStdin(proc) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("process %d never read its input", pid)
}

func readBytes(t *testing.T, proc string) int {
	data, err := os.ReadFile(proc + "/io")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			got, _ := strconv.Atoi(v)
			return got
		}
	}
	return 0
}

func blockedReadingStdin(proc string) bool {
	tasks, _ := os.ReadDir(proc + "/task")
	for _, task := range tasks {
		data, _ := os.ReadFile(proc + "/task/" + task.Name() + "/syscall")
		if strings.HasPrefix(string(data), "0 0x0 ") {
			return true
		}
	}
	return false
}

// TestBufferingWrites counts write(2) calls with strace: C stdio's
// behaviour, made visible. 2,000 lines through a pipe take a handful of
// writes; to a terminal, or with stdbuf's variables, one per line. A write
// that a signal interrupts part way (the Go runtime preempts with SIGURG)
// is finished by a second call, so "one per line" allows a few more.
func TestBufferingWrites(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace not installed")
	}
	var text strings.Builder
	for i := range 2000 {
		text.WriteString("line number " + strconv.Itoa(i) + "\n")
	}
	file := filepath.Join(t.TempDir(), "lines")
	if err := os.WriteFile(file, []byte(text.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		env      string
		args     []string
		terminal bool
		min, max int
	}{
		{"cat to a pipe", "", []string{"cat", file}, false, 1, 2},
		{"cat -n to a pipe", "", []string{"cat", "-n", file}, false, 1, 3},
		{"cat to a terminal", "", []string{"cat", file}, true, 2000, 2020},
		{"cat -n to a terminal", "", []string{"cat", "-n", file}, true, 2000, 2020},
		{"cat -n unbuffered", "_STDBUF_O=0", []string{"cat", "-n", file}, false, 2000, 2020},
		{"cat line-buffered to a pipe", "_STDBUF_O=L", []string{"cat", file}, false, 2000, 2020},
		{"cat -n with a 4K buffer", "_STDBUF_O=4K", []string{"cat", "-n", file}, false, 10, 14},
		{"cat -n to a terminal, fully buffered", "_STDBUF_O=1M", []string{"cat", "-n", file}, true, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "strace")
			cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=write,sendfile", "-o", log, bin}, tt.args...)...)
			if tt.env != "" {
				cmd.Env = append(os.Environ(), tt.env)
			}
			var done func() string
			if tt.terminal {
				done = attachTerminal(t, cmd)
			} else {
				var out bytes.Buffer
				cmd.Stdout = &out
				done = out.String
			}
			if err := cmd.Run(); err != nil {
				t.Fatal(err)
			}
			got := done()
			if tt.terminal {
				got = strings.ReplaceAll(got, "\r\n", "\n")
			}
			if !strings.HasSuffix(got, "1999\n") {
				t.Fatalf("output incomplete: ends %q", got[max(0, len(got)-20):])
			}
			data, _ := os.ReadFile(log)
			// A plain cat hands a regular file to sendfile(2), which counts
			// as one write.
			writes := strings.Count(string(data), "write(1,") + strings.Count(string(data), "sendfile(1,")
			if writes < tt.min || writes > tt.max {
				t.Errorf("%d write(2) calls, want %d to %d", writes, tt.min, tt.max)
			}
		})
	}
}

// attachTerminal makes a pseudo-terminal the command's standard output and
// returns a function that, after the command ends, returns what it wrote.
func attachTerminal(t *testing.T, cmd *exec.Cmd) func() string {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip("no pseudo-terminals:", err)
	}
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = slave
	var out bytes.Buffer
	copied := make(chan struct{})
	go func() {
		io.Copy(&out, master) // ends with EIO once the slave is closed
		close(copied)
	}()
	t.Cleanup(func() { master.Close() })
	return func() string {
		slave.Close()
		<-copied
		return out.String()
	}
}

// TestLikeGNUProcesses compares whole processes: `zinebox APPLET ARGS`
// against the GNU program with the same arguments, for what only a real
// process shows (exec, exit statuses of exec failures, writes to a full
// device, chdir).
func TestLikeGNUProcesses(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "data"), []byte("some data\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"env exec", []string{"env", "-i", "A=val", "B=2", "/usr/bin/env"}},
		{"env exec through PATH of new env", []string{"env", "-i", "PATH=/usr/bin", "printenv"}},
		{"env dash", []string{"env", "-", "X=1", "/usr/bin/env"}},
		{"env unset", []string{"env", "-i", "A=1", "B=2", "/usr/bin/env", "-u", "A"}},
		{"env not found", []string{"env", "nosuchcommand"}},
		{"env not executable", []string{"env", "./data"}},
		{"env directory", []string{"env", "/tmp"}},
		{"env chdir", []string{"env", "-C", "/", "/bin/pwd"}},
		{"env chdir missing", []string{"env", "-C", "/nonexistent", "/bin/pwd"}},
		{"env chdir without command", []string{"env", "-C", "/"}},
		{"env null with command", []string{"env", "-0", "/bin/true"}},
		{"env unset with =", []string{"env", "-u", "A=B", "/bin/true"}},
		{"env exit status passes", []string{"env", "/bin/sh", "-c", "exit 7"}},
		{"env options belong to command", []string{"env", "-i", "/usr/bin/env", "-0"}},
		{"cat to full device", []string{"sh", "-c", "exec cat data > /dev/full", "cat"}},
		{"cat -n to full device", []string{"sh", "-c", "exec cat -n data > /dev/full", "cat"}},
		{"head to full device", []string{"sh", "-c", "exec head data > /dev/full", "head"}},
		{"echo to full device", []string{"sh", "-c", "exec echo hi > /dev/full", "echo"}},
		{"sleep fractions", []string{"sleep", "0.01", ".01s", "0x1p-7", "0m", "0h", "0d"}},
		{"sleep bad", []string{"sleep", "1x", "y"}},
		{"sleep negative", []string{"sleep", "-1"}},
		{"sleep missing", []string{"sleep"}},
		{"yes args", []string{"sh", "-c", "yes a b | head -n 3", "yes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gnu := gnuCommand(t, dir, tt.args)
			ours := ourCommand(dir, tt.args)
			wantOut, wantErr, wantStatus := capture(t, gnu)
			gotOut, gotErr, gotStatus := capture(t, ours)
			if gotOut != wantOut || gotErr != wantErr || gotStatus != wantStatus {
				t.Errorf("%q:\n got %q %q %d\nwant %q %q %d", tt.args, gotOut, gotErr, gotStatus, wantOut, wantErr, wantStatus)
			}
		})
	}
}

// gnuCommand runs the GNU tool args[0], or, for the "sh -c SCRIPT TOOL"
// form, the script with $0 the GNU tool's path (the script may also call
// the tool by name).
func gnuCommand(t *testing.T, dir string, args []string) *exec.Cmd {
	t.Helper()
	tool := args[0]
	if tool == "sh" {
		tool = args[3]
	}
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s not installed", tool)
	}
	var cmd *exec.Cmd
	if args[0] == "sh" {
		cmd = exec.Command("/bin/sh", "-c", args[2], path)
	} else {
		cmd = exec.Command(path, args[1:]...)
		cmd.Args[0] = tool
	}
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	return cmd
}

// ourCommand is gnuCommand for zinebox: $0 is a link named after the
// applet, in a directory put first in PATH, so that a script calling the
// tool by name runs ours.
func ourCommand(dir string, args []string) *exec.Cmd {
	var cmd *exec.Cmd
	env := append(os.Environ(), "LC_ALL=C")
	if args[0] == "sh" {
		links := filepath.Join(dir, "bin")
		link := filepath.Join(links, args[3])
		os.MkdirAll(links, 0o755)
		os.Symlink(bin, link)
		cmd = exec.Command("/bin/sh", "-c", args[2], link)
		env = append(env, "PATH="+links+":"+os.Getenv("PATH"))
	} else {
		cmd = exec.Command(bin, args...)
	}
	cmd.Dir = dir
	cmd.Env = env
	return cmd
}

func capture(t *testing.T, cmd *exec.Cmd) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	status := 0
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), status
}

// TestSetuidCopy installs a setuid-root copy and runs it as an ordinary
// user: uids shows the effective uid 0, and no other applet runs, however
// the copy is named.
func TestSetuidCopy(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to make a setuid-root file and switch users")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Dir(dir), 0o755) // t.TempDir's parent is 0700: nobody could not reach the copy
	suid := filepath.Join(dir, "uids")
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(suid, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(suid, os.ModeSetuid|0o755); err != nil {
		t.Fatal(err)
	}
	sh := filepath.Join(dir, "sh")
	os.Symlink(suid, sh)
	multicall := filepath.Join(dir, "zinebox")
	os.Link(suid, multicall)
	asNobody := func(path string, args ...string) (string, string, int) {
		cmd := exec.Command(path, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Logf("%s: %v", path, err)
		}
		return out.String(), errb.String(), cmd.ProcessState.ExitCode()
	}
	out, errs, status := asNobody(suid)
	if status != 0 || !strings.Contains(out, "real      uid=65534") || !strings.Contains(out, "effective uid=0(root)") {
		t.Errorf("setuid uids: %q %q %d", out, errs, status)
	}
	for _, args := range [][]string{{sh, "-c", "id"}, {multicall, "sh", "-c", "id"}, {multicall, "cat", "/etc/shadow"}} {
		_, errs, status := asNobody(args[0], args[1:]...)
		if status != 126 || !strings.Contains(errs, "only uids may run") {
			t.Errorf("%q ran setuid: status %d %q", args, status, errs)
		}
	}
}

// TestOwnDescriptors: the zine's `ls -l /proc/self/fd` must show the same
// descriptors for our ls as for GNU's: 0, 1, 2, the directory, and what the
// parent passed down. No runtime poller or cgroup files.
func TestOwnDescriptors(t *testing.T) {
	gnu, err := exec.LookPath("ls")
	if err != nil {
		t.Skip("GNU ls not installed")
	}
	fds := func(path string, args ...string) []string {
		cmd := exec.Command(path, args...)
		cmd.Env = append(os.Environ(), "LC_ALL=C")
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, line := range strings.Split(string(out), "\n") {
			if f := strings.Fields(line); len(f) > 8 {
				names = append(names, f[8]+" "+strings.Join(f[9:], " "))
			}
		}
		return names
	}
	want := fds(gnu, "-l", "/proc/self/fd")
	got := fds(bin, "ls", "-l", "/proc/self/fd")
	mask := func(list []string) string {
		s := strings.Join(list, "\n")
		// The directory being listed is /proc/PID/fd of each ls, and each
		// run gets new pipes for its output.
		for _, f := range strings.Fields(s) {
			switch {
			case strings.HasPrefix(f, "/proc/") && strings.HasSuffix(f, "/fd"):
				s = strings.ReplaceAll(s, f, "/proc/PID/fd")
			case strings.HasPrefix(f, "pipe:["):
				s = strings.ReplaceAll(s, f, "pipe:[N]")
			}
		}
		return s
	}
	if mask(got) != mask(want) {
		t.Errorf("our ls sees:\n%s\nGNU ls sees:\n%s", mask(got), mask(want))
	}
}

// TestReadmeListsApplets keeps README's applet table in step with the
// registry.
func TestReadmeListsApplets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range applets {
		if !strings.Contains(string(readme), "| `"+a.Name+"` |") {
			t.Errorf("README.md's applet table lacks %s", a.Name)
		}
	}
}
