package interactive

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bashKeys are typed both at our editor and at bash's readline (read -e,
// with an empty inputrc, non-blank lines added to the history with
// history -s, as AppendHistory does), one after the
// other in one session each; the lines they produce must be the same.
var bashKeys = []string{
	"hello world\r",
	"abc\x01X\x05Y\r",
	"one two three\x17\x01\x19\r",
	"one two three\x17\x17\x19\r",
	"abcdef\x1b[D\x1b[D\x1b[D\x0b\x19\x19\r",
	"one\x15two\r",
	"xyz\x1b[H\x1b[3~\x1b[F!\r",
	"ab\x01\x04\r",
	"ab\x02\x02\x06X\r",
	"foo bar baz\x1bb\x1bbX\r",
	"foo bar baz\x01\x1bfX\r",
	"foo bar baz\x01\x1bf\x1bf\x1bdQ\r",
	"foo.bar/baz\x1b\x7fQ\r",
	"a b  c\x17\x17Z\r",
	"abcd\x02\x14\r",
	"abcd\x14\r",
	"\x1bOHq\r",
	"\x1b[A\r",
	"\x1b[A\x1b[A\x1b[A\x1b[A\x1b[B\r",
	"\x10\x10\x0e\r",
	"\x1b[A\x1b[Aedit\x1b[B\x1b[A\r",
	"\x12hello\r",
	"\x12hel\x05Z\r",
	"\x12o\x12\x12\r",
	"\x12o\x12\x12\x7f\r",
	"keep\x12zzzz\x07\r",
	"\x12foo\x01>\r",
	"\x1a\x1cz\r",
	"\x1b<\r",
	"mid\x1b[D\x0b\x1b[Dx\r",
	"hello world\x1f\r",
	"abcdefghijklmnopqrstuvwxyz0123\x1f\r",
	"abc def\x17\x1f\r",
	"abc def\x17\x17\x1f\r",
	"abc\x01X\x1f\r",
	"ab\x7f\x7f\x1f\r",
	"abc\x7f\x7fd\x1f\x1f\r",
	"abc\x18\x15\r",
	"abc def\x15\x19\x19\x1f\x1f\r",
	"xy\x1b[A\x1b[B\x1f\r",
	"ab\x01\x14\r",
	"a\x14\r",
	"abc\x1bd\x0b\x19Q\r",
	"\x19\x17\x1bbQ\x1b[3~\r",
	"xy\x04\x04\r",
	"banana band\r",
	"\x12an\x12\x12\x12Z\r",
	"\x12nomatch\r",
	"\x12ban\x1b[DQ\r",
	"\x12ban\x12\x1b[CQ\r",
	"\x12band\x7f\x7f\x12\r",
	"one\x12o\x07\r",
	"a-b_c d\x1bb\x1bbQ\x1bf\x1bfR\r",
	"  lead\x01\x1bfX\r",
	"tail  \x1bbY\r",
	"echo \x1b.\r",
	"echo \x1b.\x1b.\x1b.\r",
	"x\x1b_ \x1b_\r",
	// Completion of file names (readline's default in read -e).
	"cat be\t\r",
	"cat al\t\r",
	"cat alpha\\ \t\r",
	"cat \"alpha f\t\r",
	"cat 'alpha f\t\r",
	"cat it\t\r",
	"cat su\t\r",
	"cat sub\\ dir/\t\r",
	"cat a\\$\t\r",
	"cat zz\t\r",
	"x \t\x15ok\r",
}

func TestEditorAgainstBashReadline(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	for _, f := range []string{"alpha file.txt", "alphabet", "beta", "it's", "sub dir/x", "a$b"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ours, _ := startInPTY(t, exec.Command(os.Args[0], "-test.run=^$"), "ZB_EDITOR_HELPER=1", "ZB_DIR="+dir, "TERM=vt100", "ZB_RAW=1")
	script := `set -o history
while IFS= read -r -e -p "P> " line; do case $line in *[![:space:]]*) history -s -- "$line";; esac; printf "<<LINE:%s>>\n" "$line"; done`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Dir = dir
	theirs, _ := startInPTY(t, cmd,
		// xterm: readline takes Home and Delete from terminfo, and vt100's
		// entry has neither.
		"INPUTRC=/dev/null", "TERM=xterm", "HOME="+dir)
	for _, keys := range bashKeys {
		got, want := ours.lineOf(keys), theirs.lineOf(keys)
		if got != want {
			t.Errorf("keys %q: our editor read %q, bash's readline %q", keys, got, want)
		}
	}
}

// TestListingAgainstBashReadline compares what a double Tab shows.
func TestListingAgainstBashReadline(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	names := []string{"file-with-a-long-name", "sub/", "x y"}
	for i := 0; i < 40; i++ {
		names = append(names, fmt.Sprintf("f%d", i*7))
	}
	for _, n := range names {
		var err error
		if strings.HasSuffix(n, "/") {
			err = os.Mkdir(filepath.Join(dir, n), 0o755)
		} else {
			err = os.WriteFile(filepath.Join(dir, n), nil, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	script := `while IFS= read -r -e -p "P> " line; do printf "<<LINE:%s>>\n" "$line"; done`
	cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
	cmd.Dir = dir
	// 12 rows: the 15-row listings are paged, with --More--.
	theirs, _ := startInPTYSize(t, cmd, 12, 80, "INPUTRC=/dev/null", "TERM=xterm", "HOME="+dir)
	ours, _ := startInPTYSize(t, exec.Command(os.Args[0], "-test.run=^$"), 12, 80, "ZB_EDITOR_HELPER=1", "ZB_DIR="+dir, "TERM=vt100", "ZB_RAW=1")
	for _, keys := range []string{"cat \t\t ", "cat f\t\t\r\r\r\r", "cat f1\t\t", "cat f2\t\t", "cat \t\tq"} {
		got, want := ours.listing(keys), theirs.listing(keys)
		if got != want {
			t.Errorf("%q lists\n%s\nbash's readline lists\n%s", keys, got, want)
		}
	}
}

// listing types keys ending in a double Tab, then Ctrl-U and Enter, and
// returns the screen rows between the two prompts.
func (tm *term) listing(keys string) string {
	tm.t.Helper()
	tm.expect("P> ")
	tm.waitEditing()
	tm.send(keys)
	tm.expect("P> ") // the prompt drawn again below the list
	tm.waitEditing()
	tm.send("\x15\r")
	tm.expect("<<LINE:>>\r\n")
	tm.mu.Lock()
	out := tm.out.String()
	tm.mu.Unlock()
	s := newScreen(80, 200)
	s.feed(out)
	rows := strings.Split(s.text(), "\n")
	// rows: ..., prompt again, report, perhaps already the next prompt
	end := len(rows) - 1
	for end > 0 && !strings.HasPrefix(rows[end], "<<LINE:") {
		end--
	}
	end-- // the prompt drawn again below the list
	start := end - 1
	for start > 0 && !strings.HasPrefix(rows[start], "P> ") {
		start--
	}
	return strings.Join(rows[start+1:end], "\n")
}

// lineOf types keys at the next prompt and returns the line reported.
func (tm *term) lineOf(keys string) string {
	tm.t.Helper()
	tm.expect("P> ")
	tm.waitEditing()
	tm.send(keys)
	tm.expect("<<LINE:")
	got := tm.expect(">>\r\n")
	return strings.TrimSuffix(got, ">>\r\n")
}
