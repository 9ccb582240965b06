package vmtest

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestHarnessLocalShell checks the harness itself against `zinebox sh -i`
// in a local pty (no VM): Run's markers, statuses, stderr on the terminal,
// background jobs, and output that follows a match being kept.
func TestHarnessLocalShell(t *testing.T) {
	sh := Shell(t)
	for _, tc := range []struct {
		cmd    string
		out    string
		status int
	}{
		{"echo hello", "hello\n", 0},
		{"false", "", 1},
		{"echo out; echo err >&2; (exit 3)", "out\nerr\n", 3},
		{`printf 'no newline'`, "no newline", 0},
		{`printf 'a\nb\n\nc\n'`, "a\nb\n\nc\n", 0},
		// The echoed line holds the markers in quotes: a command that
		// prints the same text must not end the output early.
		{`echo '__ZB""_E9__:0'`, "__ZB\"\"_E9__:0\n", 0},
		{"cd /; pwd", "/\n", 0},
	} {
		out, status, err := sh.Run(tc.cmd)
		if err != nil {
			t.Fatalf("%s: %v", tc.cmd, err)
		}
		if out != tc.out || status != tc.status {
			t.Errorf("%s: got %q, %d; want %q, %d", tc.cmd, out, status, tc.out, tc.status)
		}
	}

	// An interactive shell announces a background job as bash does.
	if out, status, err := sh.Run("true &"); err != nil || status != 0 || !regexp.MustCompile(`^\[1\] \d+\n$`).MatchString(out) {
		t.Errorf("true &: got %q, %d, %v", out, status, err)
	}

	// Two lines of output arrive together; matching the first keeps the
	// second for the next Expect.
	if err := sh.SendLine(`echo "on""e"; echo "tw""o"`); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sh.Expect(regexp.MustCompile(`one\r?\n`), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.ExpectPrompt(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(sh.Transcript(), "two") {
		t.Errorf("second line lost")
	}

	if err := sh.SendLine("exit 5"); err != nil {
		t.Fatal(err)
	}
	if code, err := sh.Wait(30 * time.Second); err != nil || code != 5 {
		t.Errorf("exit 5: shell ended with %d, %v", code, err)
	}
}
