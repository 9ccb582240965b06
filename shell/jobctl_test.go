package shell_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// These tests run an interactive shell on the slave side of a
// pseudo-terminal, as a person in a terminal would: it is the session
// leader with the terminal as its controlling tty, so Ctrl-C, Ctrl-\ and
// Ctrl-Z typed on the master side become signals for the terminal's
// foreground process group. Each script runs against `zinebox sh -i` and
// against bash, whose job lines we copy, and must give the same lines.
//
// There are no timing assertions: before typing Ctrl-C or Ctrl-Z at a
// job, the test waits (TIOCGPGRP on the master) until the job's process
// group owns the terminal, and notices of background jobs are awaited by
// pressing Enter until they appear.

const ptyTimeout = 60 * time.Second

// ptyShell is a shell running on a pseudo-terminal.
type ptyShell struct {
	t      *testing.T
	name   string
	master *os.File
	cmd    *exec.Cmd
	mu     sync.Mutex
	out    bytes.Buffer // everything the shell wrote, escape sequences removed
	off    int          // how much of out the expectations consumed
	exited chan struct{}
}

// startPTY starts argv on a new pseudo-terminal.
func startPTY(t *testing.T, name string, argv []string, env []string) *ptyShell {
	t.Helper()
	mfd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	master := os.NewFile(uintptr(mfd), "/dev/ptmx")
	if err := unix.IoctlSetPointerInt(mfd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetUint32(mfd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open slave: %v", err)
	}
	unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 200})
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	slave.Close()
	p := &ptyShell{t: t, name: name, master: master, cmd: cmd, exited: make(chan struct{})}
	go p.read()
	go func() { cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
		<-p.exited
		master.Close()
	})
	return p
}

// escapes are the terminal control sequences the line editors draw with.
var escapes = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r|[\x01\x02\x07]`)

func (p *ptyShell) read() {
	buf := make([]byte, 4096)
	var pending []byte
	for {
		n, err := p.master.Read(buf)
		if n > 0 {
			pending = append(pending, buf[:n]...)
			// keep an escape sequence cut in two for the next read
			keep := 0
			if i := bytes.LastIndexByte(pending, 0x1b); i >= 0 && len(pending)-i < 8 && !escapes.Match(pending[i:]) {
				keep = len(pending) - i
			}
			clean := escapes.ReplaceAll(pending[:len(pending)-keep], nil)
			pending = append([]byte(nil), pending[len(pending)-keep:]...)
			p.mu.Lock()
			p.out.Write(clean)
			p.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// all is everything the shell wrote so far.
func (p *ptyShell) all() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// send types s.
func (p *ptyShell) send(s string) {
	p.t.Helper()
	if _, err := p.master.WriteString(s); err != nil {
		p.t.Fatalf("%s: typing %q: %v", p.name, s, err)
	}
}

// expect waits until the output not yet consumed matches re, and
// consumes it up to the end of the match.
func (p *ptyShell) expect(re string) []string {
	p.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(ptyTimeout)
	for {
		p.mu.Lock()
		rest := p.out.String()[p.off:]
		if m := rx.FindStringSubmatchIndex(rest); m != nil {
			p.off += m[1]
			p.mu.Unlock()
			var groups []string
			for i := 0; i < len(m); i += 2 {
				if m[i] >= 0 {
					groups = append(groups, rest[m[i]:m[i+1]])
				} else {
					groups = append(groups, "")
				}
			}
			return groups
		}
		p.mu.Unlock()
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: no %q in output:\n%s", p.name, re, rest)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// expectPressingEnter presses Enter until every one of res appears, in
// any order: for notices that come before a prompt once background jobs
// have ended (two jobs may end before the same prompt or not).
func (p *ptyShell) expectPressingEnter(res ...string) {
	p.t.Helper()
	var rxs []*regexp.Regexp
	for _, re := range res {
		rxs = append(rxs, regexp.MustCompile(re))
	}
	deadline := time.Now().Add(ptyTimeout)
	for {
		p.mu.Lock()
		rest := p.out.String()[p.off:]
		end, all := 0, true
		for _, rx := range rxs {
			m := rx.FindStringIndex(rest)
			if m == nil {
				all = false
				break
			}
			end = max(end, m[1])
		}
		if all {
			p.off += end
		}
		p.mu.Unlock()
		if all {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: no %q in output:\n%s", p.name, res, rest)
		}
		p.send("\r")
		time.Sleep(300 * time.Millisecond)
	}
}

// waitJobOwnsTerminal waits until a process group other than the shell's
// is the terminal's foreground group and its leader has exec'd its
// program (bash's child takes the terminal before it resets its signals
// and execs: a Ctrl-Z typed then is lost): Ctrl-C or Ctrl-Z typed now
// reach the job.
func (p *ptyShell) waitJobOwnsTerminal() {
	p.t.Helper()
	p.waitJobProcs(1)
}

// waitJobProcs is waitJobOwnsTerminal for a job of n processes: it waits
// until n processes of the terminal's foreground group have exec'd.
func (p *ptyShell) waitJobProcs(n int) {
	p.t.Helper()
	deadline := time.Now().Add(ptyTimeout)
	comm := func(pid int) string {
		b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		return string(b)
	}
	shell := comm(p.cmd.Process.Pid) // with its newline
	for {
		pg, err := unix.IoctlGetInt(int(p.master.Fd()), unix.TIOCGPGRP)
		if err == nil && pg != p.cmd.Process.Pid && pg > 0 && execdInGroup(pg, shell) >= n {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: the job never got the terminal (foreground group %d, err %v)", p.name, pg, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// execdInGroup counts the processes of group pg whose command name is
// no longer the shell's (they have exec'd).
func execdInGroup(pg int, shell string) int {
	dirs, _ := os.ReadDir("/proc")
	count := 0
	for _, d := range dirs {
		b, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces
		st := string(b)
		open, close := strings.IndexByte(st, '('), strings.LastIndexByte(st, ')')
		if open < 0 || close < open {
			continue
		}
		f := strings.Fields(st[close+1:])
		if len(f) < 3 || f[2] != fmt.Sprint(pg) {
			continue
		}
		if st[open+1:close]+"\n" != shell {
			count++
		}
	}
	return count
}

// waitShellOwnsTerminal waits until the shell has taken the terminal back.
func (p *ptyShell) waitShellOwnsTerminal() {
	p.t.Helper()
	deadline := time.Now().Add(ptyTimeout)
	for {
		pg, err := unix.IoctlGetInt(int(p.master.Fd()), unix.TIOCGPGRP)
		if err == nil && pg == p.cmd.Process.Pid {
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("%s: the shell never took the terminal back (foreground group %d, err %v)", p.name, pg, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

const prompt = "PROMPT> "

// ptyShells are the shells every script runs against: ours, and bash
// when installed.
func ptyShells(t *testing.T) []struct {
	name string
	argv []string
} {
	shells := []struct {
		name string
		argv []string
	}{{"zinebox", []string{applettest.Binary(t), "sh", "-i"}}}
	if bash, err := exec.LookPath("bash"); err == nil {
		shells = append(shells, struct {
			name string
			argv []string
		}{"bash", []string{bash, "--norc", "--noprofile", "-i"}})
	}
	return shells
}

// runPTYScript runs script against each shell, with a fresh $HOME.
func runPTYScript(t *testing.T, script func(p *ptyShell)) {
	for _, sh := range ptyShells(t) {
		t.Run(sh.name, func(t *testing.T) {
			home := t.TempDir()
			env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=vt100", "PS1=" + prompt,
				"HISTFILE=" + filepath.Join(home, ".hist"), "LC_ALL=C"}
			p := startPTY(t, sh.name, sh.argv, env)
			p.expect(prompt)
			script(p)
			p.send("exit\r")
			select {
			case <-p.exited:
			case <-time.After(ptyTimeout):
				t.Fatalf("%s: did not exit:\n%s", sh.name, p.all())
			}
		})
	}
}

// TestPTYCtrlCInterruptsJob: Ctrl-C kills the foreground job, not the
// shell; $? is 130 and the shell goes on.
func TestPTYCtrlCInterruptsJob(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 30\r")
		p.waitJobOwnsTerminal()
		p.send("\x03")
		p.waitShellOwnsTerminal()
		if p.name == "zinebox" {
			p.expect(`\^C\n` + prompt)
		} else {
			p.expect(`\^C\n?` + prompt) // bash sometimes leaves out the newline
		}
		p.send("echo status=$?\r")
		p.expect(`(?m)^status=130\n` + prompt)
		// a loop is abandoned too: its next command does not run
		p.send("while :; do sleep 30; done; echo after-loop\r")
		p.waitJobOwnsTerminal()
		p.send("\x03")
		p.waitShellOwnsTerminal()
		p.send("echo status=$?\r")
		p.expect(`(?m)^status=130\n` + prompt)
		if strings.Contains(p.all(), "\nafter-loop") {
			t.Errorf("%s: the loop's Ctrl-C did not abandon the command line", p.name)
		}
	})
}

// TestPTYCtrlCInShell: Ctrl-C while the shell runs its own code (a loop
// of builtins, read, wait) or kill -INT $$ reaches the shell, not a job:
// the rest of the line is abandoned, $? is 130, the shell goes on.
func TestPTYCtrlCInShell(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		// the job wait waits for, started apart: a Ctrl-C typed while it
		// starts would end the line before wait and kill it too
		p.send("sleep 100 &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
		for _, line := range []string{
			"while :; do :; done",
			"read x",
			"wait",
			"kill -INT $$",
		} {
			// "started" comes after the line editor let the line go: a
			// Ctrl-C typed before the loop begins still ends the line.
			p.send("echo st''arted; " + line + "; echo after-line\r")
			p.expect(`(?m)^started\n`)
			if line != "kill -INT $$" {
				p.send("\x03")
			}
			p.expect(`\n` + prompt)
			p.send("echo status=$?\r")
			p.expect(`(?m)^status=130\n` + prompt)
			if strings.Contains(p.all(), "\nafter-line") {
				p.t.Fatalf("%s: %s: Ctrl-C did not abandon the command line:\n%s", p.name, line, p.all())
			}
		}
		p.send("kill %1\r")
		p.expectPressingEnter(`(?m)^\[1\]\+  Terminated              sleep 100\n`)
	})
}

// TestPTYAmbiguousJobSpec: %string that names two jobs is refused as bash
// refuses it.
func TestPTYAmbiguousJobSpec(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 101 &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
		p.send("sleep 102 &\r")
		p.expect(`(?m)^\[2\] [0-9]+\n` + prompt)
		for _, name := range []string{"fg", "bg", "kill", "wait"} {
			p.send(name + " %sl\r")
			p.expect(`(?m)^(sh: [0-9]+|bash): ` + name + `: sl: ambiguous job spec\n` + prompt)
		}
		p.send("kill %1 %2\r")
		if p.name == "zinebox" {
			// (bash sometimes reports only one of the two)
			p.expectPressingEnter(`(?m)^\[1\][-+]  Terminated              sleep 101\n`, `(?m)^\[2\][-+]  Terminated              sleep 102\n`)
		}
	})
}

// TestPTYCtrlCAtPrompt: Ctrl-C at the prompt drops the line; $? is 130.
func TestPTYCtrlCAtPrompt(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		if p.name == "bash" {
			// bash's readline switches the terminal with TCSAFLUSH after
			// printing its prompt, discarding what was typed meanwhile:
			// there is no reliable moment to type at it.
			p.t.Skip("bash discards typed-ahead text while readline starts")
		}
		p.send("echo never-run")
		p.send("\x03")
		// bash under load sometimes leaves out the newline after ^C (and may
		// even drop typed-ahead text); ours must print it.
		p.expect(`\^C\n?` + prompt)
		if p.name == "zinebox" && !strings.Contains(p.all(), "^C\n") {
			t.Errorf("zinebox: no newline after ^C: %q", p.all())
		}
		p.send("echo status=$?\r")
		p.expect(`(?m)^status=130\n` + prompt)
		if strings.Contains(p.all(), "\nnever-run") {
			t.Errorf("%s: the interrupted line ran", p.name)
		}
	})
}

// TestPTYCtrlBackslash: Ctrl-\ quits the job (131); the shell survives.
func TestPTYCtrlBackslash(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep")
	}
	runPTYScript(t, func(p *ptyShell) {
		// the system's sleep: a Go program prints its goroutines on SIGQUIT
		p.send(sleep + " 30\r")
		p.waitJobOwnsTerminal()
		p.send("\x1c")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\^\\Quit( \(core dumped\))?\n` + prompt)
		p.send("echo status=$?\r")
		p.expect(`(?m)^status=131\n` + prompt)
	})
}

// TestPTYCtrlZJobsBgFg: Ctrl-Z stops the job, jobs lists it, bg
// continues it in the background, fg brings it back.
func TestPTYCtrlZJobsBgFg(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 100\r")
		p.waitJobOwnsTerminal()
		p.send("\x1a")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 100\n` + prompt)
		p.send("echo status=$?\r")
		p.expect(`(?m)^status=148\n` + prompt)
		p.send("jobs\r")
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 100\n` + prompt)
		p.send("jobs -p\r")
		p.expect(`(?m)^[0-9]+\n` + prompt)
		p.send("bg\r")
		p.expect(`(?m)^\[1\]\+ sleep 100 &\n` + prompt)
		p.send("jobs\r")
		p.expect(`(?m)^\[1\]\+  Running                 sleep 100 &\n` + prompt)
		p.send("fg %sleep\r")
		p.expect(`(?m)^sleep 100\n`)
		p.waitJobOwnsTerminal()
		p.send("\x1a")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 100\n` + prompt)
		p.send("fg %1\r")
		p.expect(`(?m)^sleep 100\n`)
		p.waitJobOwnsTerminal()
		p.send("\x03")
		p.waitShellOwnsTerminal()
		p.expect(prompt)
		p.send("echo status=$?; jobs\r")
		p.expect(`(?m)^status=130\n` + prompt)
	})
}

// TestPTYJobNameAsCommand: a job named alone is fg, with & bg (bash).
func TestPTYJobNameAsCommand(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 100 &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
		p.send("%1\r")
		p.expect(`(?m)^sleep 100\n`)
		p.waitJobOwnsTerminal()
		p.send("\x1a")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 100\n` + prompt)
		p.send("%sleep &\r")
		p.expect(`(?m)^\[1\]\+ sleep 100 &\n` + prompt)
		p.send("jobs\r")
		p.expect(`(?m)^\[1\]\+  Running                 sleep 100 &\n` + prompt)
		p.send("%+\r")
		p.expect(`(?m)^sleep 100\n`)
		p.waitJobOwnsTerminal()
		p.send("\x03")
		p.waitShellOwnsTerminal()
		p.expect(prompt)
		p.send("%1\r")
		p.expect(`(?m)^(sh: [0-9]+|bash): fg: %1: no such job\n` + prompt)
	})
}

// TestPTYCurrentAndPreviousJob: %+ and %- follow bash's choice.
func TestPTYCurrentAndPreviousJob(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 101 &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
		p.send("sleep 102 &\r")
		p.expect(`(?m)^\[2\] [0-9]+\n` + prompt)
		p.send("jobs\r")
		p.expect(`(?m)^\[1\]-  Running                 sleep 101 &\n\[2\]\+  Running                 sleep 102 &\n` + prompt)
		p.send("jobs %-\r")
		p.expect(`(?m)^\[1\]-  Running                 sleep 101 &\n` + prompt)
		p.send("jobs %?102\r")
		p.expect(`(?m)^\[2\]\+  Running                 sleep 102 &\n` + prompt)
		p.send("kill %1 %2\r")
		// the marks depend on which end is seen first
		p.expectPressingEnter(`(?m)^\[1\][-+]  Terminated              sleep 101\n`, `(?m)^\[2\][-+]  Terminated              sleep 102\n`)
	})
}

// TestPTYBackgroundDone: `cmd &` says [1] PID; its end is reported
// before a later prompt.
func TestPTYBackgroundDone(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 1 &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
		p.expectPressingEnter(`(?m)^\[1\]\+  Done                    sleep 1\n` + prompt)
		p.send("jobs\r")
		p.expect(`jobs\n` + prompt)
	})
}

// TestPTYKillJob: kill %1 signals the job's process group.
func TestPTYKillJob(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 50 &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
		p.send("kill %1\r")
		p.expectPressingEnter(`(?m)^\[1\]\+  Terminated              sleep 50\n`)
		// a stopped job (SIGKILL: with SIGTERM, bash sometimes reports
		// the stop again before the death)
		p.send("sleep 60\r")
		p.waitJobOwnsTerminal()
		p.send("\x1a")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 60\n` + prompt)
		p.send("kill -KILL %1\r")
		if p.name == "zinebox" {
			// (bash, under load, sometimes reports the stop again and
			// not the death)
			p.expectPressingEnter(`(?m)^\[1\]\+  Killed                  sleep 60\n`)
		}
		p.send("jobs\r")
		p.expect(prompt)
	})
}

// TestPTYWaitJob: wait %1 gives the job's status.
func TestPTYWaitJob(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		// One line: a job that ends before the next prompt is reported
		// there and forgotten (in bash too), and wait %1 would not find it.
		p.send("sh -c 'exit 7' & wait %1; echo status=$?\r")
		p.expect(`(?m)^\[1\] [0-9]+\n(\[1\]\+  Exit 7 +sh -c 'exit 7'\n)?status=7\n` + prompt)
		// $! is remembered after the report
		p.send("sh -c 'exit 6' &\r")
		p.expect(`(?m)^\[1\] [0-9]+\n`)
		p.expectPressingEnter(`(?m)^\[1\]\+  Exit 6 +sh -c 'exit 6'\n`)
		p.send("wait $!; echo status=$?\r")
		p.expect(`(?m)^status=6\n` + prompt)
	})
}

// TestPTYStoppedJobsAtExit: exit with a stopped job warns once.
func TestPTYStoppedJobsAtExit(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 70\r")
		p.waitJobOwnsTerminal()
		p.send("\x1a")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 70\n` + prompt)
		p.send("exit\r")
		p.expect(`(?m)^There are stopped jobs\.\n` + prompt)
		// the second exit (runPTYScript's) leaves
	})
}

// TestPTYDisown: a disowned job is no longer listed.
func TestPTYDisown(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 80 &\r")
		p.expect(`(?m)^\[1\] ([0-9]+)\n` + prompt)
		p.send("disown %1; jobs; echo listed\r")
		p.expect(`(?m)^listed\n` + prompt)
		p.send("kill $!\r")
		p.expect(prompt)
	})
}

// TestInteractiveFromPipe: `sh -i` with a pipe on stdin runs, and
// prompts on stderr as dash does (without a terminal, job control is
// turned off with dash's message).
func TestInteractiveFromPipe(t *testing.T) {
	dash, err := exec.LookPath("dash")
	if err != nil {
		t.Skip("no dash")
	}
	run := func(arg0 string, argv ...string) (string, string) {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Args[0] = arg0 // dash names itself by argv[0] in messages
		cmd.Stdin = strings.NewReader("echo one\nif true\nthen echo two; fi\n")
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		cmd.Run()
		return out.String(), errb.String()
	}
	gotOut, gotErr := run("zinebox", applettest.Binary(t), "sh", "-i")
	wantOut, wantErr := run("sh", dash, "-i")
	if gotOut != wantOut || gotErr != wantErr {
		t.Errorf("sh -i < pipe: stdout %q stderr %q; dash: stdout %q stderr %q", gotOut, gotErr, wantOut, wantErr)
	}
}

// TestPTYHistoryAcrossRestart: lines typed in one session are recalled
// with Up in the next ($HISTFILE), and listed by history and fc -l.
func TestPTYHistoryAcrossRestart(t *testing.T) {
	for _, sh := range ptyShells(t) {
		t.Run(sh.name, func(t *testing.T) {
			home := t.TempDir()
			env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=vt100", "PS1=" + prompt,
				"HISTFILE=" + filepath.Join(home, ".hist"), "LC_ALL=C"}
			p := startPTY(t, sh.name, sh.argv, env)
			p.expect(prompt)
			p.send("echo hist-one\r")
			p.expect(`(?m)^hist-one\n` + prompt)
			p.send("exit\r")
			<-p.exited
			p = startPTY(t, sh.name, sh.argv, env)
			p.expect(prompt)
			p.send("\x1b[A\x1b[A") // Up twice: past "exit"
			p.send("\r")
			p.expect(`(?m)^hist-one\n` + prompt)
			p.send("history\r")
			p.expect(`(?m)^    1  echo hist-one\n    2  exit\n    3  echo hist-one\n    4  history\n` + prompt)
			p.send("fc -l 1 2\r")
			p.expect(`(?m)^1\t echo hist-one\n2\t exit\n` + prompt)
			p.send("exit\r")
			<-p.exited
		})
	}
}

// TestPTYCompletion: Tab completes a command name (an applet, also in
// PATH for bash) and a file name with a space, quoted.
func TestPTYCompletion(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("cd \"$HOME\" && printf 'tab-%s\\n' done > 'some file.txt'\r")
		p.expect(prompt)
		p.send("unam\t-s\r")
		p.expect(`(?m)^Linux\n` + prompt)
		p.send("cat som\t\r")
		p.expect(`(?m)^tab-done\n` + prompt)
	})
}

// TestPTYDefaultPrompt: without PS1 our shell shows Debian's bash prompt,
// user@host:dir$, recomputed after cd.
func TestPTYDefaultPrompt(t *testing.T) {
	home := t.TempDir()
	host, _ := os.Hostname()
	if i := strings.IndexByte(host, '.'); i >= 0 {
		host = host[:i]
	}
	u, err := user.Current()
	if err != nil {
		t.Skip(err)
	}
	mark := "$"
	if os.Geteuid() == 0 {
		mark = "#"
	}
	env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=vt100", "HISTFILE=", "PWD=" + home}
	p := startPTY(t, "zinebox", []string{applettest.Binary(t), "sh", "-i"}, env)
	p.cmd.Dir = home
	p.expect(regexp.QuoteMeta(u.Username + "@" + host + ":"))
	p.send("cd / && cd \"$HOME\" && mkdir -p sub && cd sub\r")
	p.expect(regexp.QuoteMeta(u.Username + "@" + host + ":~/sub" + mark + " "))
	p.send("cd /tmp\r")
	p.expect(regexp.QuoteMeta(u.Username + "@" + host + ":/tmp" + mark + " "))
	p.send("exit\r")
	<-p.exited
}

// TestLoginAndEnv: a login shell reads /etc/profile and ~/.profile, an
// interactive one $ENV, as dash does (same output).
func TestLoginAndEnv(t *testing.T) {
	dash, err := exec.LookPath("dash")
	if err != nil {
		t.Skip("no dash")
	}
	home := t.TempDir()
	os.WriteFile(filepath.Join(home, ".profile"), []byte("X=from-profile; echo in-profile\n"), 0o644)
	os.WriteFile(filepath.Join(home, "env.sh"), []byte("echo in-env \"$X\"\n"), 0o644)
	for _, args := range [][]string{{"-l", "-i"}, {"-i"}, {"-l", "-c", "echo c $X"}} {
		run := func(arg0 string, argv ...string) string {
			cmd := exec.Command(argv[0], append(argv[1:], args...)...)
			cmd.Args[0] = arg0
			cmd.Stdin = strings.NewReader("echo stdin $X\n")
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "ENV=" + filepath.Join(home, "env.sh")}
			out, _ := cmd.Output()
			return string(out)
		}
		got := run("zinebox", applettest.Binary(t), "sh")
		want := run("sh", dash)
		if got != want {
			t.Errorf("sh %q: stdout %q; dash: %q", args, got, want)
		}
		if args[0] == "-l" {
			// login(1)'s way: a dash before the name instead of -l;
			// $0 keeps the dash
			args = append([]string{"-c", "echo c $X $0"}, args[1:]...)[:2]
			got := run("-sh", applettest.Binary(t))
			want := run("-sh", dash)
			if got != want || !strings.Contains(got, "in-profile") {
				t.Errorf("-sh %q: stdout %q; dash: %q", args, got, want)
			}
		}
	}
}

// TestPTYPipelineIsOneJob: Ctrl-Z stops every process of a pipeline,
// one process group, one job; jobs -l lists each process.
func TestPTYPipelineIsOneJob(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 100 | cat\r")
		p.waitJobProcs(2)
		p.send("\x1a")
		p.waitShellOwnsTerminal()
		p.expect(`(?m)^\[1\]\+  Stopped                 sleep 100 \| cat\n` + prompt)
		p.send("jobs -l\r")
		got := p.expect(`(?m)^\[1\]\+ +([0-9]+) Stopped +sleep 100\n +([0-9]+) +(Stopped)? +\| cat\n` + prompt)
		var pgid [2]int
		for i, pid := range got[1:3] {
			var err error
			fmt.Sscan(pid, &pgid[i])
			if pgid[i], err = unix.Getpgid(pgid[i]); err != nil {
				t.Fatalf("%s: getpgid(%s): %v", p.name, pid, err)
			}
		}
		if pgid[0] != pgid[1] || pgid[0] == p.cmd.Process.Pid {
			t.Errorf("%s: the pipeline's process groups are %v (shell %d)", p.name, pgid, p.cmd.Process.Pid)
		}
		p.send("kill -KILL %1\r")
		if p.name == "zinebox" {
			// (bash sometimes reports the late stop of cat and then
			// never the death)
			p.expectPressingEnter(`(?m)^\[1\]\+  Killed                  sleep 100 \| cat\n`)
		}
		// exit right after jobs does not stop at "There are stopped jobs."
		p.send("jobs\r")
		p.expect(prompt)
	})
}

// TestPTYBackgroundPipeline: `a | b &` is one job of two processes in
// one new process group; [1] and $! name the last process; jobs -l lists
// both, blanking a state equal to the one above (bash).
func TestPTYBackgroundPipeline(t *testing.T) {
	runPTYScript(t, func(p *ptyShell) {
		p.send("sleep 100 | cat &\r")
		last := p.expect(`(?m)^\[1\] ([0-9]+)\n` + prompt)[1]
		p.send("echo $!\r")
		p.expect(`(?m)^` + last + `\n` + prompt)
		p.send("jobs -l\r")
		first := p.expect(`(?m)^\[1\]\+ +([0-9]+) Running                 sleep 100\n +` + last + ` {23}\| cat &\n` + prompt)[1]
		var pids [2]int
		fmt.Sscan(first, &pids[0])
		fmt.Sscan(last, &pids[1])
		for _, pid := range pids {
			if pg, err := unix.Getpgid(pid); err != nil || pg != pids[0] {
				t.Errorf("%s: process %d is in group %d (%v), want %d", p.name, pid, pg, err, pids[0])
			}
		}
		p.send("kill %1\r")
		p.expectPressingEnter(`(?m)^\[1\]\+  Terminated              sleep 100 \| cat\n`)
	})
}

// TestPTYStartedInBackground: a shell started in the background stops
// (SIGTTIN) until it is brought to the foreground, as bash does; here
// bash is the outer shell, and brings ours back with fg.
func TestPTYStartedInBackground(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	home := t.TempDir()
	env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "TERM=vt100", "PS1=" + prompt, "HISTFILE=", "LC_ALL=C"}
	p := startPTY(t, "bash", []string{bash, "--norc", "--noprofile", "-i"}, env)
	p.expect(prompt)
	// the prompt's text is not in the command line the terminal echoes
	p.send("PS1='INN''ER> ' " + applettest.Binary(t) + " sh -i &\r")
	p.expect(`(?m)^\[1\] [0-9]+\n` + prompt)
	p.expectPressingEnter(`(?m)^\[1\]\+  Stopped\b.*sh -i\n`)
	p.send("fg\r")
	p.expect(`INNER> `)
	p.send("echo inner-shell\r")
	p.expect(`(?m)^inner-shell\nINNER> `)
	p.send("exit\r")
	p.expect(prompt)
	p.send("echo outer-shell\r")
	p.expect(`(?m)^outer-shell\n` + prompt)
	p.send("exit\r")
	<-p.exited
}
