package vmtest

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// zinePage is one thing a zine page tells the reader to try, and what the
// VM must show for it.
type zinePage struct {
	name    string
	applets []string // applets the command needs; missing ones skip the row
	files   []string // files the VM must have (man pages); missing ones skip the row
	setup   string   // run first, must succeed
	cmd     string
	want    string // regexp the output must match
	status  int
}

// zine is the coverage of the zines, page by page, in one table: each
// command runs in the VM and must show what the page says.
var zine = []zinePage{
	{name: "chmod 644", applets: []string{"chmod", "ls"}, setup: "cd /tmp && echo hi > file.txt",
		cmd: "chmod 644 file.txt && ls -l file.txt", want: `^-rw-r--r-- 1 root root 3 .+ file\.txt\n$`},
	{name: "chmod u+s", applets: []string{"chmod", "ls"}, setup: "cd /tmp && echo hi > suid.txt && chmod 644 suid.txt",
		cmd:  "chmod u+s suid.txt && ls -l suid.txt && chmod u+x suid.txt && ls -l suid.txt",
		want: `^-rwSr--r-- .+ suid\.txt\n-rwsr--r-- .+ suid\.txt\n$`},
	{name: "file descriptors", applets: []string{"ls"}, cmd: "ls -l /proc/self/fd",
		want: `(?m)^l.* 0 -> /dev/ttyS0\n(?s:.*)^l.* 1 -> /dev/ttyS0\n(?s:.*)^l.* 2 -> /dev/ttyS0$`},
	{name: "cmdline", applets: []string{"cat"}, cmd: "cat /proc/self/cmdline", want: `^cat\x00/proc/self/cmdline\x00$`},
	{name: "status", applets: []string{"cat"}, cmd: "cat /proc/self/status",
		want: `(?m)^State:\s+R \(running\)\n(?s:.*)^Pid:\s+\d+\n(?s:.*)^Uid:\s+0\s+0\s+0\s+0\n`},
	{name: "exe", applets: []string{"ls"}, cmd: "ls -l /proc/self/exe", want: `^l.* /proc/self/exe -> /bin/zinebox\n$`},
	{name: "maps", applets: []string{"cat"}, cmd: "cat /proc/self/maps", want: `(?m) /bin/zinebox\n(?s:.*)\[stack\]\n`},
	// Go runs system calls on several threads: without -f, strace follows
	// only the first and misses ls's write(2). ls's own output ("f\n")
	// lands in the middle of a line of strace's: both share the terminal.
	{name: "strace", applets: []string{"ls"}, files: []string{"/usr/bin/strace"}, setup: "mkdir -p /tmp/st && cd /tmp/st && echo x > f",
		cmd: "strace -f ls /tmp/st",
		want: `(?m)^execve\("/bin/ls", \["ls", "/tmp/st"\].* = 0\n(?s:.*)getdents64\(3, (?s:.*)write\(1, "f\\n", 2` +
			`(?s:.*)^\+\+\+ exited with 0 \+\+\+\n$`},
	{name: "kill -HUP", applets: []string{"sleep"}, cmd: "sleep 100 & kill -HUP %1; wait %1", want: `^\[1\] \d+\n$`, status: 129},
	// jobs reports how the job ended, with the signal's description
	// (strsignal: "Hangup"); the sleep gives the kill time to land.
	{name: "kill -HUP: jobs", applets: []string{"sleep"}, cmd: "sleep 100 & kill -HUP %1; sleep 1; jobs",
		want: `^\[1\] \d+\n\[1\]\+  Hangup                  sleep 100\n$`},
	{name: "kill -l", cmd: "kill -l", want: `HUP(?s:.*)INT(?s:.*)KILL(?s:.*)TERM`},
	{name: "ls | wc -l", applets: []string{"ls", "wc"}, cmd: "ls / | wc -l", want: `^1[0-9]\n$`},
	{name: "mkfifo", applets: []string{"mkfifo", "cat"}, setup: "cd /tmp && mkfifo my-pipe",
		cmd: "(echo through-the-pipe > my-pipe &) ; cat my-pipe", want: `^through-the-pipe\n$`},
	{name: "yes | head", applets: []string{"yes", "head"}, cmd: "yes | head -n 3", want: `^y\ny\ny\n$`},
	{name: "socket", applets: []string{"nc", "file", "chmod", "ls"}, setup: "cd /tmp && (nc -lU mysock.sock &) && (nc -lU secret.sock &) && sleep 1",
		cmd:  "file mysock.sock && ls -l secret.sock && chmod 600 secret.sock && ls -l secret.sock",
		want: `^mysock\.sock: socket\ns\S{9} .* secret\.sock\nsrw------- .* secret\.sock\n$`},
	{name: "env", applets: []string{"env"}, cmd: "env A=val env", want: `(?m)^A=val$`},
	{name: "ldd", applets: []string{"ldd"}, files: []string{"/usr/bin/strace"}, cmd: "ldd /usr/bin/strace",
		want: `(?m)^\tlibc\.so\.6 => /lib/x86_64-linux-gnu/libc\.so\.6 \(0x[0-9a-f]+\)$`},
	{name: "ldconfig -p", applets: []string{"ldconfig"}, files: []string{"/etc/ld.so.cache"}, cmd: "ldconfig -p",
		want: `^\d+ libs found in cache ` + "`/etc/ld.so.cache'\n"},
	{name: "man 2 read", applets: []string{"man"}, files: []string{"/usr/share/man/man2/read.2"}, cmd: "man 2 read | head -n 1",
		want: `^READ\(2\) +.+ +READ\(2\)\n$`},
	{name: "man 1 read", applets: []string{"man"}, files: []string{"/usr/share/man/man1/read.1"}, cmd: "man 1 read | head -n 1",
		want: `^READ\(1\) +.+ +READ\(1\)\n$`},
	{name: "man 7 pipe", applets: []string{"man"}, files: []string{"/usr/share/man/man7/pipe.7"}, cmd: "man 7 pipe | head -n 1",
		want: `^PIPE\(7\) +.+ +PIPE\(7\)\n$`},
	{name: "man proc", applets: []string{"man"}, files: []string{"/usr/share/man/man5/proc.5"}, cmd: "man proc | head -n 1",
		want: `^PROC\(5\) +.+ +PROC\(5\)\n$`},
	{name: "man 7 zinebox", applets: []string{"man"}, files: []string{"/usr/share/man/man7/zinebox.7"}, cmd: "man 7 zinebox | head -n 1",
		want: `^ZINEBOX\(7\) +.+ +ZINEBOX\(7\)\n$`},
	{name: "file", applets: []string{"file"}, cmd: "file /bin/zinebox",
		want: `^/bin/zinebox: ELF 64-bit LSB executable, x86-64, version 1 \(SYSV\), statically linked, .*stripped\n$`},
	// Output buffering: on the terminal stdout is line-buffered, one
	// write(2) a line; through a pipe it is fully buffered, one write(2)
	// at exit; stdbuf -oL asks for lines again. (What the program writes
	// lands in the middle of strace's lines: both share the terminal.)
	{name: "buffering: terminal", applets: []string{"strace", "count"}, cmd: "strace -f -e trace=write count -i 0 3",
		want: `(?s)write\(1, "1\\n", 2.*write\(1, "2\\n", 2.*write\(1, "3\\n", 2`},
	{name: "buffering: pipe", applets: []string{"strace", "count", "cat"}, cmd: "strace -f -e trace=write count -i 0 3 | cat",
		want: `write\(1, "1\\n2\\n3\\n", 6`},
	{name: "buffering: stdbuf -oL", applets: []string{"strace", "count", "cat", "stdbuf"}, cmd: "strace -f -e trace=write stdbuf -oL count -i 0 3 | cat",
		want: `(?s)write\(1, "1\\n", 2.*write\(1, "2\\n", 2.*write\(1, "3\\n", 2`},
	{name: "threads", applets: []string{"ps"}, cmd: "ps -T -p 1", want: `^\s*PID\s+SPID\s+TTY\s+TIME\s+CMD\n(\s*1\s+\d+\s+\?\s+\S+\s+init\n){2,}$`},
}

// TestZine boots once with strace and the host's ld.so.cache added and runs
// the table.
func TestZine(t *testing.T) {
	var add []string
	for _, p := range []string{"/usr/bin/strace", "/etc/ld.so.cache"} {
		if _, err := os.Stat(p); err == nil {
			add = append(add, p)
		}
	}
	vm := Boot(t, Add(add...))
	for _, page := range zine {
		t.Run(page.name, func(t *testing.T) {
			RequireApplets(t, page.applets...)
			for _, f := range page.files {
				if _, status, err := vm.Run("test -e " + f); err != nil {
					t.Fatal(err)
				} else if status != 0 {
					t.Skipf("the image has no %s", f)
				}
			}
			if page.setup != "" {
				vm.MustRun(page.setup, 0)
			}
			out, status, err := vm.Run(page.cmd)
			if err != nil {
				t.Fatal(err)
			}
			if status != page.status {
				t.Errorf("%s: exit status %d, want %d; output:\n%s", page.cmd, status, page.status, out)
			}
			if page.want != "" && !regexp.MustCompile(page.want).MatchString(out) {
				t.Errorf("%s: output does not match %s:\n%s", page.cmd, page.want, out)
			}
			vm.MustRun("cd /root", 0)
		})
	}
}

// TestReliability: the things a learner does by accident must not break
// the machine. A full disk gives clean errors; Ctrl-C ends the foreground job (status 130) and a whole
// foreground pipeline; the interactive shell survives SIGINT sent to
// itself.
func TestReliability(t *testing.T) {
	RequireApplets(t, "sleep", "ps")
	vm := Boot(t)

	// A full file system: cp fills /tmp (a tmpfs, half the memory) until
	// ENOSPC; then cp and tee fail on it with GNU's messages and a status
	// that says so, and what they could not write is not there. /dev/full
	// answers every write with ENOSPC too.
	t.Run("ENOSPC", func(t *testing.T) {
		RequireApplets(t, "cp", "tee", "rm", "ls")
		defer vm.Run("rm -f /tmp/fill /tmp/tee.out /tmp/passwd")
		for _, tc := range []struct {
			applet, cmd, msg string
		}{
			{"cp", "cp /dev/zero /tmp/fill", "cp: error writing '/tmp/fill': No space left on device\n"},
			{"tee", "echo hi | tee /tmp/tee.out", "hi\ntee: /tmp/tee.out: No space left on device\n"},
			{"cp", "cp /etc/passwd /tmp/passwd", "cp: error writing '/tmp/passwd': No space left on device\n"},
			{"tee", "echo hi | tee /dev/full", "tee: /dev/full: No space left on device\n"},
			{"cat", "cat /etc/hostname > /dev/full", "cat: write error: No space left on device\n"},
		} {
			if !HasApplet(t, tc.applet) {
				t.Logf("applet not registered yet: %s", tc.applet)
				continue
			}
			out, status, err := vm.Run(tc.cmd)
			if err != nil {
				t.Fatal(err)
			}
			if status == 0 || !strings.Contains(out, tc.msg) {
				t.Errorf("%s: status %d, output %q; want a failure and %q", tc.cmd, status, out, tc.msg)
			}
		}
		// /tmp is full, and the files that failed hold nothing
		if out := vm.MustRun("ls -ln /tmp/tee.out /tmp/passwd", 0); !regexp.MustCompile(`(?m)^-\S+ 1 0 0 0 .* /tmp/passwd\n-\S+ 1 0 0 0 .* /tmp/tee\.out\n$`).MatchString(out) {
			t.Errorf("after ENOSPC:\n%s", out)
		}
	})

	t.Run("Ctrl-C", func(t *testing.T) {
		interruptCommand(t, vm, `sleep 100`)
		if got := status(t, vm); got != "130" {
			t.Errorf("$? after Ctrl-C: %s, want 130", got)
		}
	})

	t.Run("Ctrl-C ends a pipeline", func(t *testing.T) {
		interruptCommand(t, vm, `sleep 100 | sleep 100 | sleep 100`)
		out := vm.MustRun("ps -e", 0)
		if strings.Contains(out, "sleep") {
			t.Errorf("sleeps left after Ctrl-C:\n%s", out)
		}
	})

	t.Run("Ctrl-C ends a loop of builtins", func(t *testing.T) {
		// the shell itself gets the SIGINT: no job is in the foreground
		interruptCommand(t, vm, `while :; do :; done; echo "af""ter"`)
		if got := status(t, vm); got != "130" {
			t.Errorf("$? after Ctrl-C: %s, want 130", got)
		}
		if strings.Contains(vm.Transcript(), "\nafter") {
			t.Errorf("the line went on after Ctrl-C")
		}
	})

	// The line editor on the serial console (ttyS0 reports no size: the
	// editor falls back to 80 columns): suite 1's keys give the same lines.
	t.Run("line editing on ttyS0", func(t *testing.T) {
		for _, k := range editKeys {
			if err := vm.Send(k.keys); err != nil {
				t.Fatal(err)
			}
			if _, _, err := vm.Expect(regexp.MustCompile(`(?m)^`+k.want+`\r?\n`), 0); err != nil {
				t.Fatalf("%s (%q): %v", k.name, k.keys, err)
			}
			if _, err := vm.ExpectPrompt(0); err != nil {
				t.Fatal(err)
			}
		}
		if HasApplet(t, "uname") {
			vm.Send("unam\t-s\r")
			if _, _, err := vm.Expect(regexp.MustCompile(`(?m)^Linux\r?\n`), 0); err != nil {
				t.Fatalf("Tab: %v", err)
			}
			vm.ExpectPrompt(0)
		}
	})

	t.Run("kill -INT $$", func(t *testing.T) {
		requireJobControl(t, vm)
		if err := vm.SendLine("kill -INT $$"); err != nil {
			t.Fatal(err)
		}
		if _, err := vm.ExpectPrompt(0); err != nil {
			t.Fatal(err)
		}
		if out := vm.MustRun("echo alive", 0); out != "alive\n" {
			t.Errorf("after kill -INT $$: %q", out)
		}
	})
}

// interruptCommand runs cmd at the VM's prompt (with job control) and
// interrupts it with Ctrl-C once it has started.
func interruptCommand(t *testing.T, vm *VM, cmd string) {
	t.Helper()
	requireJobControl(t, vm)
	if err := vm.SendLine(`echo "sta""rted"; ` + cmd); err != nil {
		t.Fatal(err)
	}
	if _, _, err := vm.Expect(regexp.MustCompile(`started\r?\n`), 0); err != nil {
		t.Fatal(err)
	}
	interruptUntilPrompt(t, vm)
}

// interruptUntilPrompt types Ctrl-C until the prompt comes back: the first
// may arrive before the job has started and reach the shell instead.
func interruptUntilPrompt(t *testing.T, vm *VM) {
	t.Helper()
	for i := 0; i < 5; i++ {
		time.Sleep(500 * time.Millisecond)
		if strings.Contains(vm.Transcript(), "reboot: Power down") {
			t.Fatalf("the login shell ended on Ctrl-C (an interactive shell must survive SIGINT) and init powered off")
		}
		if err := vm.Interrupt(); err != nil {
			t.Fatal(err)
		}
		if _, err := vm.ExpectPrompt(10 * time.Second); err == nil {
			return
		}
	}
	t.Fatalf("no prompt after Ctrl-C")
}

// requireJobControl skips the test while the VM's shell has no job control
// ($- without m): Ctrl-C then reaches the shell itself, which is the
// interactive shell's work in progress (issue 8), not something to fake.
func requireJobControl(t *testing.T, vm *VM) {
	t.Helper()
	out, _, err := vm.Run(`case $- in *m*) echo on;; *) echo "off ($-)";; esac`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "on\n" {
		t.Skipf("the shell has no job control yet: set -m is %s", strings.TrimSpace(out))
	}
}
