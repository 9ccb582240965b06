package interactive

import (
	"os"
	"testing"
)

func TestPromptMeasure(t *testing.T) {
	in, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	e := New(in, in, Options{})
	for _, tc := range []struct {
		prompt, head, last string
		cols               int
	}{
		{"$ ", "", "$ ", 2},
		{"\001\x1b[1;32m\002ann\001\x1b[0m\002$ ", "", "\x1b[1;32mann\x1b[0m$ ", 5},
		{"[ann@box ~]\n\001\x1b[1m\002$\001\x1b[0m\002 ", "[ann@box ~]\r\n", "\x1b[1m$\x1b[0m ", 2},
		{"a\nb\nc> ", "a\r\nb\r\n", "c> ", 3},
		{"日本> ", "", "日本> ", 6},
		{"e\u0301> ", "", "e\u0301> ", 3},
	} {
		e.setPrompt(tc.prompt)
		if e.head != tc.head || e.prompt != tc.last || e.promptCols != tc.cols {
			t.Errorf("setPrompt(%q): head %q last %q width %d; want %q %q %d",
				tc.prompt, e.head, e.prompt, e.promptCols, tc.head, tc.last, tc.cols)
		}
	}
}

// A recalled multi-line command shows its newlines as ^J, two columns.
func TestAppendVisible(t *testing.T) {
	rs := []rune("for i in 1\ndo :; done\x7f")
	if got := string(appendVisible(nil, rs)); got != "for i in 1^Jdo :; done^?" {
		t.Errorf("appendVisible = %q", got)
	}
	if got := textWidth(rs); got != len("for i in 1^Jdo :; done^?") {
		t.Errorf("textWidth = %d", got)
	}
}
