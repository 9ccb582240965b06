package pager

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/roff"
)

// TestPager drives the built-in pager with keys and checks where each
// screen starts, from the status line it draws last.
func TestPager(t *testing.T) {
	var lines []roff.Line
	for i := 1; i <= 100; i++ {
		s := fmt.Sprintf("line %d", i)
		if i == 70 {
			s = "the NEEDLE is here"
		}
		var l roff.Line
		for _, r := range s {
			l = append(l, roff.Cell{R: r, F: roff.Bold})
		}
		lines = append(lines, l)
	}
	for _, c := range []struct {
		keys string
		want string // in the last status line
	}{
		{"q", "line 1 "},
		{" q", "line 24 "},
		{"  bq", "line 24 "},
		{"jjjkq", "line 3 "},
		{"\x1b[B\x1b[Bq", "line 3 "},
		{"Gq", "line 78 (END)"},
		{"G\x1b[Hq", "line 1 "},
		{"/needle\rq", "line 70 "},
		{"/line 1\rq", "line 10 "},
		{"/line 1\rnq", "line 11 "},
		{"/zzz\rq", "Pattern not found"},
		{"dq", "line 12 "},
		{"G?line 1\rq", "line 19 "},
		{"G?line 1\rnq", "line 18 "},
		{"G?line 1\rnNq", "line 19 "},
	} {
		var out bytes.Buffer
		pg := &pager{lines: Slice(lines), in: strings.NewReader(c.keys), out: &out, sizeFd: -1, title: "Manual page t(1)"}
		pg.run()
		o := out.String()
		i := strings.LastIndex(o, "\x1b[7m")
		if i < 0 {
			t.Fatalf("keys %q: no status line in %q", c.keys, o)
		}
		if status := o[i:]; !strings.Contains(status, c.want) {
			t.Errorf("keys %q: status %q, want %q", c.keys, status, c.want)
		}
	}
	// more leaves by itself once the last line is on the screen
	for _, c := range []struct {
		keys   string
		status string // the last status line drawn
		left   string // keys not read
	}{
		{" ", "--More--(46%)", ""},
		{"    q", "--More--(100%)", "q"},
		{"Gq", "--More--(100%)", "q"},
		{"q", "--More--(23%)", ""},
	} {
		var out bytes.Buffer
		in := strings.NewReader(c.keys)
		pg := &pager{lines: Slice(lines), in: in, out: &out, sizeFd: -1, more: true}
		pg.run()
		o := out.String()
		i := strings.LastIndex(o, "\x1b[7m")
		if i < 0 || !strings.HasPrefix(o[i+4:], c.status) {
			t.Errorf("more, keys %q: output ends %q, want status %q", c.keys, o[max(i, 0):], c.status)
		}
		if rest, _ := io.ReadAll(in); string(rest)+string(pg.keybuf) != c.left {
			t.Errorf("more, keys %q: %q left unread, want %q", c.keys, string(rest)+string(pg.keybuf), c.left)
		}
	}
	var out bytes.Buffer
	pg := &pager{lines: Slice(lines), in: strings.NewReader("q"), out: &out, sizeFd: -1}
	pg.run()
	if !strings.Contains(out.String(), "\x1b[1mline 1") {
		t.Errorf("bold not drawn with SGR: %q", out.String()[:80])
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in    string
		text  string
		fonts string // R, B, I per cell
	}{
		{"plain", "plain", "RRRRR"},
		{"b\bbo\bold", "bold", "BBRR"},
		{"_\bu_\bn x", "un x", "IIRR"},
		{"\x1b[1mB\x1b[0m \x1b[4mU\x1b[24m", "B U", "BRI"},
		{"a\tb", "a       b", "RRRRRRRRR"},
		{"12345678\tb", "12345678        b", "RRRRRRRRRRRRRRRRR"},
	} {
		ls := Parse(c.in)
		if len(ls) != 1 {
			t.Fatalf("%q: %d lines", c.in, len(ls))
		}
		var fonts strings.Builder
		for _, cell := range ls[0] {
			fonts.WriteByte("RBIX"[cell.F])
		}
		if ls[0].String() != c.text || fonts.String() != c.fonts {
			t.Errorf("Parse(%q) = %q %s, want %q %s", c.in, ls[0].String(), fonts.String(), c.text, c.fonts)
		}
	}
}

// TestText: lines are cut at newlines, a final newline ends the last line
// instead of starting an empty one, carriage returns before a newline go.
func TestText(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"\n", []string{""}},
		{"a", []string{"a"}},
		{"a\nb\n", []string{"a", "b"}},
		{"a\r\n\nb\bb", []string{"a", "", "b"}},
	} {
		tx := NewText(c.in)
		var got []string
		for i := range tx.Len() {
			got = append(got, tx.At(i).String())
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
			t.Errorf("NewText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
