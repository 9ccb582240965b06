package interactive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The PTY tests run this test binary again as a small line-reading
// program (helperMain) on the slave side of a pseudo-terminal, type at it
// through the master side, and read what it draws and reports.
func TestMain(m *testing.M) {
	if os.Getenv("ZB_EDITOR_HELPER") == "1" {
		os.Exit(helperMain())
	}
	os.Exit(m.Run())
}

func termiosEqual(a, b *unix.Termios) bool {
	return a.Iflag == b.Iflag && a.Oflag == b.Oflag && a.Cflag == b.Cflag && a.Lflag == b.Lflag && a.Cc == b.Cc
}

// helperMain reads lines with an Editor and reports each as <<LINE:%q>>,
// <<INT>> or <<EOF>>, and whether the terminal settings after ReadLine
// differ from those before it.
func helperMain() int {
	dir := os.Getenv("ZB_DIR")
	c := &Completer{
		Builtins: func() []string { return []string{"echo", "exit"} },
		Dir:      func() string { return dir },
		Getenv:   func(string) string { return "" },
	}
	ed := New(os.Stdin, os.Stderr, Options{Complete: c.Complete})
	defer ed.Close()
	if os.Getenv("ZB_SIGNALS") == "1" {
		if err := ed.EnableSignals(); err != nil {
			fmt.Printf("<<ERR %v>>\n", err)
			return 1
		}
		sigs := make(chan os.Signal, 4)
		signal.Notify(sigs, syscall.SIGUSR1, syscall.SIGINT, syscall.SIGWINCH)
		go func() {
			for s := range sigs {
				if s == syscall.SIGUSR1 || s == syscall.SIGINT {
					ed.Interrupt()
				} else {
					ed.Resized()
				}
			}
		}()
	}
	for {
		before, err := getTermios(0)
		if err != nil {
			fmt.Printf("<<NOTTY %v>>\n", err)
			return 1
		}
		prompt := "P> "
		if p := os.Getenv("ZB_PROMPT"); p != "" {
			prompt = p
		}
		line, err := ed.ReadLine(prompt)
		after, _ := getTermios(0)
		if !termiosEqual(before, after) {
			fmt.Printf("<<TERMIOS-CHANGED>>\n")
		}
		if after.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != unix.ICANON|unix.ECHO|unix.ISIG {
			fmt.Printf("<<RAW-AFTER-READLINE>>\n")
		}
		switch {
		case err == io.EOF:
			fmt.Printf("<<EOF>>\n")
			return 0
		case errors.Is(err, ErrInterrupted):
			fmt.Printf("<<INT>>\n")
		case err != nil:
			fmt.Printf("<<ERR %v>>\n", err)
			return 1
		default:
			if os.Getenv("ZB_RAW") == "1" {
				fmt.Printf("<<LINE:%s>>\n", line)
			} else {
				fmt.Printf("<<LINE:%q>>\n", line)
			}
			ed.AppendHistory(line)
		}
	}
}

// ptyPair opens a pseudo-terminal with /dev/ptmx, as openpty(3) does.
func ptyPair(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		t.Skip("no /dev/ptmx:", err)
	}
	fd := int(m.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal("unlockpt:", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal("ptsname:", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatal(err)
	}
	return m, s
}

// term is the test's side of the terminal: what the helper wrote so far.
type term struct {
	t      *testing.T
	master *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	seen   int // offset up to which expect has consumed the output
	done   chan struct{}
}

func (tm *term) reader() {
	defer close(tm.done)
	buf := make([]byte, 4096)
	for {
		n, err := tm.master.Read(buf)
		tm.mu.Lock()
		tm.out.Write(buf[:n])
		tm.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// expect waits until s appears in the output after what was already
// matched and returns the output up to and including it. The deadline
// only keeps a broken editor from hanging the test.
func (tm *term) expect(s string) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		tm.mu.Lock()
		all := tm.out.String()
		tm.mu.Unlock()
		if i := strings.Index(all[tm.seen:], s); i >= 0 {
			got := all[tm.seen : tm.seen+i+len(s)]
			tm.seen += i + len(s)
			return got
		}
		select {
		case <-tm.done:
			tm.t.Fatalf("helper ended before %q; output since last match: %q", s, all[tm.seen:])
		default:
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no %q in output: %q", s, all[tm.seen:])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitEditing waits until the program on the terminal has switched it to
// its editing mode (ICANON off; TCGETS on the master reads the slave's
// settings). bash's readline does so with TCSAFLUSH after drawing its
// prompt, discarding keys typed before: keys go in only after that.
func (tm *term) waitEditing() {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		tio, err := unix.IoctlGetTermios(int(tm.master.Fd()), unix.TCGETS)
		if err != nil || tio.Lflag&unix.ICANON == 0 {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the terminal never left canonical mode")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (tm *term) send(keys string) {
	tm.t.Helper()
	if _, err := tm.master.WriteString(keys); err != nil {
		tm.t.Fatal(err)
	}
}

// line types keys at a fresh prompt and checks the line the helper got.
func (tm *term) line(keys, want string) {
	tm.t.Helper()
	tm.expect("P> ")
	tm.waitEditing()
	tm.send(keys)
	got := tm.expect(">>")
	if i := strings.LastIndex(got, "<<"); i >= 0 {
		got = got[i:]
	}
	if w := fmt.Sprintf("<<LINE:%q>>", want); got != w {
		tm.t.Errorf("keys %q: helper reported %s, want %s", keys, got, w)
	}
	if strings.Contains(got, "TERMIOS-CHANGED") || strings.Contains(got, "RAW-AFTER") {
		tm.t.Errorf("keys %q: %s", keys, got)
	}
}

func startHelper(t *testing.T, dir string) (*term, *exec.Cmd) {
	return startInPTY(t, exec.Command(os.Args[0], "-test.run=^$"), "ZB_EDITOR_HELPER=1", "ZB_DIR="+dir, "TERM=vt100")
}

// startInPTY runs cmd as a session leader with a new pseudo-terminal as
// its controlling terminal and standard files.
func startInPTY(t *testing.T, cmd *exec.Cmd, env ...string) (*term, *exec.Cmd) {
	return startInPTYSize(t, cmd, 24, 80, env...)
}

func startInPTYSize(t *testing.T, cmd *exec.Cmd, rows, cols uint16, env ...string) (*term, *exec.Cmd) {
	master, slave := ptyPair(t)
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols}); err != nil {
		t.Fatal(err)
	}
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	tm := &term{t: t, master: master, done: make(chan struct{})}
	go tm.reader()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
	})
	return tm, cmd
}

func TestEditorInPTY(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"alpha file.txt", "alphabet", "beta"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "many"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 120; i++ {
		if err := os.WriteFile(filepath.Join(dir, "many", fmt.Sprintf("f%03d", i)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tm, cmd := startHelper(t, dir)
	const (
		left, home, end, del = "\x1b[D", "\x1b[H", "\x1b[F", "\x1b[3~"
		up, down             = "\x1b[A", "\x1b[B"
	)
	tm.line("hello world\r", "hello world")
	tm.line("abc\x01X\x05Y\r", "XabcY")                                       // C-a, C-e
	tm.line("one two three\x17\x01\x19\r", "threeone two ")                   // C-w, C-y
	tm.line("abcdef"+left+left+left+"\x0b\x19\x19\r", "abcdefdef")            // C-k, C-y twice
	tm.line("abc def\x17\x17\x19\r", "abc def")                               // consecutive kills join
	tm.line("one\x15two\r", "two")                                            // C-u
	tm.line("xyz"+home+del+end+"!\r", "yz!")                                  // Home, Delete, End
	tm.line("ab\x01\x04\r", "b")                                              // C-d deletes under the cursor
	tm.line("ab\x02\x02\x06X\r", "aXb")                                       // C-b, C-f
	tm.line("foo bar baz\x1bb\x1bbX\r", "foo Xbar baz")                       // M-b
	tm.line("foo bar baz\x01\x1bfX\r", "fooX bar baz")                        // M-f
	tm.line("ab\x1b[1;5DX\r", "Xab")                                          // Ctrl-Left
	tm.line("\x1bOHq\r", "q")                                                 // SS3 Home
	tm.line(up+"\r", "q")                                                     // history
	tm.line(up+up+up+up+down+"\r", "Xab")                                     // up, down
	tm.line("\x10\x10\x0e\r", "Xab")                                          // C-p, C-n
	tm.line("\x12hello\r", "hello world")                                     // C-r
	tm.line("\x12Xabc\x05Z\r", "XabcYZ")                                      // C-r then C-e edits the match
	tm.line("\x12o\x12\x12\r", "fooX bar baz")                                // C-r again: older matches
	tm.line("keep\x12zzzz\x07\r", "keep")                                     // C-g abandons the search
	tm.line("cat be\t\r", "cat beta ")                                        // unique file
	tm.line("cat al\t\r", "cat alpha")                                        // common prefix
	tm.line(`cat alpha\ `+"\t\r", `cat alpha\ file.txt `)                     // quoted completion
	tm.line("ec\t\r", "echo ")                                                // command
	tm.line("\x1az\r", "z")                                                   // Ctrl-Z at the prompt does nothing
	tm.line(strings.Repeat("w", 200)+"\x01X\r", "X"+strings.Repeat("w", 200)) // wraps over 3 rows
	tm.line("a\x16\x01b\r", "a\x01b")                                         // C-v quotes

	// Double Tab lists the alternatives in columns, then the prompt and
	// the line come back.
	tm.expect("P> ")
	tm.send("cat alp\t")
	tm.send("\t")
	tm.expect("alpha file.txt  alphabet")
	tm.send("h\r")
	if got := tm.expect(">>"); !strings.Contains(got, `<<LINE:"cat alphah">>`) {
		t.Errorf("after the listing: %q", got)
	}

	// Over 100 alternatives: ask first, as readline does.
	tm.expect("P> ")
	tm.send("cat many/f\t\t")
	tm.expect("Display all 120 possibilities? (y or n)")
	tm.send("n")
	tm.send("\x15\r")
	if got := tm.expect(">>"); !strings.Contains(got, `<<LINE:"">>`) || strings.Contains(got, "f119") {
		t.Errorf("declined listing: %q", got)
	}
	tm.expect("P> ")
	tm.send("cat many/f11\t\t")
	tm.expect("f110  f111  f112  f113  f114  f115  f116  f117  f118  f119")
	tm.send("\x15\r")
	tm.expect(`<<LINE:"">>`)

	// Ctrl-C gives a fresh prompt and the program goes on.
	tm.expect("P> ")
	tm.send("partial\x03")
	if got := tm.expect(">>"); !strings.Contains(got, "^C") || !strings.HasSuffix(got, "<<INT>>") {
		t.Errorf("Ctrl-C: %q", got)
	}
	tm.line("after\r", "after")

	// A resized window takes effect at the next key.
	unix.IoctlSetWinsize(int(tm.master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 20})
	tm.line(strings.Repeat("n", 50)+"\r", strings.Repeat("n", 50))

	// Ctrl-D on an empty line is the end.
	tm.expect("P> ")
	tm.send("\x04")
	got := tm.expect(">>")
	if !strings.HasSuffix(got, "<<EOF>>") || strings.Contains(got, "TERMIOS") || strings.Contains(got, "RAW") {
		t.Errorf("Ctrl-D: %q", got)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("helper: %v", err)
	}
}

// Without a terminal, ReadLine writes the prompt and reads plain lines,
// leaving what follows for the next reader.
func TestReadLineWithoutTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		w.WriteString("echo one\n\x01raw\nlast without newline")
		w.Close()
	}()
	ed := New(r, pw, Options{})
	if ed.Editing() {
		t.Fatal("editing on a pipe")
	}
	var lines []string
	for {
		l, err := ed.ReadLine("\001\x1b[1m\002$ ")
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	pw.Close()
	prompts, _ := io.ReadAll(pr)
	if want := []string{"echo one", "\x01raw", "last without newline"}; fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("lines %q, want %q", lines, want)
	}
	if got := string(prompts); got != strings.Repeat("\x1b[1m$ ", 4) {
		t.Errorf("prompts %q", got)
	}
}

// startSignalHelper starts the helper with EnableSignals, its signals
// forwarded to the editor as the shell forwards them, on a terminal of
// type termType.
func startSignalHelper(t *testing.T, termType string) (*term, *exec.Cmd) {
	return startInPTY(t, exec.Command(os.Args[0], "-test.run=^$"),
		"ZB_EDITOR_HELPER=1", "ZB_DIR="+t.TempDir(), "TERM="+termType, "ZB_SIGNALS=1")
}

// With EnableSignals, the shell's signal handler can end a ReadLine
// (kill -INT $$ at a bash prompt) and have the line redrawn at once when
// the window size changes.
func TestEditorSignals(t *testing.T) {
	tm, cmd := startSignalHelper(t, "vt100")
	tm.expect("P> ")
	tm.send("abc")
	tm.expect("abc")
	// SIGWINCH goes to the terminal's foreground process group.
	unix.IoctlSetWinsize(int(tm.master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 40})
	tm.expect("P> abc")
	cmd.Process.Signal(syscall.SIGUSR1)
	if got := tm.expect(">>"); !strings.HasSuffix(got, "<<INT>>") {
		t.Errorf("interrupt: %q", got)
	}
	tm.line("\x12ab\r", "") // nothing in the history yet: C-r finds nothing
	tm.expect("P> ")
	tm.send("\x12")
	tm.expect("reverse-i-search")
	cmd.Process.Signal(syscall.SIGUSR1)
	if got := tm.expect(">>"); !strings.HasSuffix(got, "<<INT>>") {
		t.Errorf("interrupt during C-r: %q", got)
	}
	tm.line("ok\r", "ok")
}

// Without line editing (TERM=dumb) the terminal is cooked: Ctrl-C is a
// SIGINT that the shell hands to Interrupt (the helper does the same),
// and after the ^C the terminal echoed, the next prompt starts a line of
// its own, as in bash and dash.
func TestPlainInterrupt(t *testing.T) {
	tm, _ := startSignalHelper(t, "dumb")
	tm.expect("P> ")
	tm.send("half")
	tm.expect("half")
	tm.send("\x03") // the terminal echoes ^C, drops "half" and sends SIGINT
	if got := tm.expect(">>"); got != "^C\r\n<<INT>>" {
		t.Errorf("after half and Ctrl-C: %q, want the line ended before <<INT>>", got)
	}
	tm.expect("P> ")
	tm.send("ok\r")
	if got := tm.expect(">>"); !strings.HasSuffix(got, `<<LINE:"ok">>`) {
		t.Errorf("the next line: %q", got)
	}
}
