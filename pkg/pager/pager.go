// Package pager shows lines of text one screen at a time on a terminal:
// the built-in pager of man(1) and the less(1) and more(1) applets, for
// machines (the teaching VM) that have no less. It speaks plain VT100, so
// it works on a serial console as well as in a terminal emulator.
package pager

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/sys/unix"
	"golang.org/x/term"

	"github.com/zinebox/zinebox/pkg/roff"
)

// Run is a small less: space/f and b page, j/k and the arrows
// scroll, g/G go to the ends, /re and ?re search, n/N repeat, q quits. It
// reads keys from /dev/tty in raw mode and draws with VT100 sequences, so
// it works on a serial console as well as in a terminal emulator.
func Run(lines Lines, title string) error { return run(lines, title, false) }

// RunMore is more(1)'s flavour: text that fits on the screen is just
// printed, and the pager ends once the last line has been shown.
func RunMore(lines Lines, title string) error { return run(lines, title, true) }

func run(lines Lines, title string, more bool) error {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer tty.Close()
	fd := int(tty.Fd())
	pg := &pager{lines: lines, in: tty, out: tty, title: title, sizeFd: fd, more: more}
	if more {
		if pg.size(); lines.Len() < pg.rows {
			var b bytes.Buffer
			for i := range lines.Len() {
				pg.drawLine(&b, lines.At(i))
				b.WriteString("\n")
			}
			_, err := tty.Write(b.Bytes())
			return err
		}
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return err
	}
	defer term.Restore(fd, old)
	pg.run()
	return nil
}

// Lines is what the pager shows: line i of Len().
type Lines interface {
	Len() int
	At(i int) roff.Line
}

// Slice is lines already formatted (man's rendered page).
type Slice []roff.Line

func (s Slice) Len() int           { return len(s) }
func (s Slice) At(i int) roff.Line { return s[i] }

// Text is text whose lines are parsed (overstrike, SGR) only when they
// are shown or searched: a parsed cell takes 8 bytes, so parsing a large
// file at once would take eight times its size. Lines are kept as offsets
// into the text (4 bytes each, not a 16-byte string header).
type Text struct {
	s      string
	starts []uint32 // where each line starts; lines end before the next start's newline
}

// NewText splits text into lines. Text beyond 4 GiB is not shown.
func NewText(text string) Text {
	if text == "" || len(text) > math.MaxUint32 {
		return Text{}
	}
	text = strings.TrimSuffix(text, "\n") // "\n" is one empty line
	t := Text{s: text, starts: []uint32{0}}
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		t.starts = append(t.starts, uint32(i))
	}
	return t
}

func (t Text) Len() int { return len(t.starts) }

func (t Text) At(i int) roff.Line {
	end := len(t.s)
	if i+1 < len(t.starts) {
		end = int(t.starts[i+1]) - 1
	}
	return parseLine(strings.TrimSuffix(t.s[t.starts[i]:end], "\r"))
}

type pager struct {
	lines  Lines
	more   bool // more(1): leave once the end is on the screen
	back   bool // the last search went backwards (n repeats it so)
	in     io.Reader
	out    io.Writer
	sizeFd int // the terminal whose size is the screen's, or -1 (24x80)
	title  string
	top    int
	rows   int
	cols   int
	re     *regexp.Regexp
	msg    string
	keybuf []byte
}

func (pg *pager) size() {
	pg.rows, pg.cols = 24, 80
	if pg.sizeFd < 0 {
		return
	}
	if ws, err := unix.IoctlGetWinsize(pg.sizeFd, unix.TIOCGWINSZ); err == nil && ws.Row > 1 {
		pg.rows, pg.cols = int(ws.Row), int(ws.Col)
	}
}

func (pg *pager) draw() {
	pg.size()
	body := pg.rows - 1
	if max := pg.lines.Len() - body; pg.top > max {
		pg.top = max
	}
	if pg.top < 0 {
		pg.top = 0
	}
	var b bytes.Buffer
	b.WriteString("\x1b[H")
	for i := 0; i < body; i++ {
		if n := pg.top + i; n < pg.lines.Len() {
			pg.drawLine(&b, pg.lines.At(n))
		} else {
			b.WriteString("~")
		}
		b.WriteString("\x1b[K\r\n")
	}
	status := pg.msg
	if status == "" {
		end := pg.top + body
		if end > pg.lines.Len() {
			end = pg.lines.Len()
		}
		status = fmt.Sprintf(" %s line %d", pg.title, pg.top+1)
		if end >= pg.lines.Len() {
			status += " (END)"
		}
		status += " (press h for help or q to quit)"
		if pg.more {
			status = fmt.Sprintf("--More--(%d%%)", end*100/max(pg.lines.Len(), 1))
		}
	}
	if len(status) > pg.cols-1 {
		status = status[:pg.cols-1]
	}
	b.WriteString("\x1b[7m" + status + "\x1b[0m\x1b[K")
	pg.out.Write(b.Bytes())
}

// drawLine writes one line with bold and underline, highlighting matches
// of the current search in reverse video.
func (pg *pager) drawLine(b *bytes.Buffer, l roff.Line) {
	var hl []bool
	if pg.re != nil {
		s := l.String()
		runeIdx := make([]int, 0, len(l)+1)
		for i := range s {
			runeIdx = append(runeIdx, i)
		}
		runeIdx = append(runeIdx, len(s))
		for _, m := range pg.re.FindAllStringIndex(s, -1) {
			if hl == nil {
				hl = make([]bool, len(l))
			}
			for ci := range l {
				if ci < len(runeIdx) && runeIdx[ci] >= m[0] && runeIdx[ci] < m[1] {
					hl[ci] = true
				}
			}
		}
	}
	cur := ""
	for i, c := range l {
		if i >= pg.cols {
			break
		}
		if c.R == 0 {
			continue
		}
		want := ""
		if c.F&roff.Bold != 0 {
			want += "1;"
		}
		if c.F&roff.Italic != 0 {
			want += "4;"
		}
		if hl != nil && hl[i] {
			want += "7;"
		}
		if want != cur {
			b.WriteString("\x1b[0m")
			if want != "" {
				b.WriteString("\x1b[" + strings.TrimSuffix(want, ";") + "m")
			}
			cur = want
		}
		b.WriteRune(c.R)
	}
	if cur != "" {
		b.WriteString("\x1b[0m")
	}
}

// key reads one key: a byte, or an escape sequence for arrows and pages.
// Bytes read beyond the key wait in keybuf for the next call, so that
// typed-ahead or pasted input is not lost.
func (pg *pager) key() string {
	if len(pg.keybuf) == 0 {
		buf := make([]byte, 64)
		n, err := pg.in.Read(buf)
		if err != nil || n == 0 {
			return "q"
		}
		pg.keybuf = append(pg.keybuf, buf[:n]...)
	}
	for _, seq := range [...]struct{ in, key string }{
		{"\x1b[A", "up"}, {"\x1bOA", "up"}, {"\x1b[B", "down"}, {"\x1bOB", "down"},
		{"\x1b[5~", "pgup"}, {"\x1b[6~", "pgdn"},
		{"\x1b[H", "home"}, {"\x1bOH", "home"}, {"\x1b[1~", "home"},
		{"\x1b[F", "end"}, {"\x1bOF", "end"}, {"\x1b[4~", "end"},
	} {
		if bytes.HasPrefix(pg.keybuf, []byte(seq.in)) {
			pg.keybuf = pg.keybuf[len(seq.in):]
			return seq.key
		}
	}
	k := string(pg.keybuf[:1])
	pg.keybuf = pg.keybuf[1:]
	return k
}

func (pg *pager) run() {
	for {
		pg.draw()
		pg.msg = ""
		body := pg.rows - 1
		if pg.more && pg.top+body >= pg.lines.Len() {
			// more ends on its last screen, which stays on the terminal
			io.WriteString(pg.out, "\r\x1b[K")
			return
		}
		switch k := pg.key(); k {
		case "q", "Q", "\x03":
			io.WriteString(pg.out, "\r\x1b[K")
			return
		case " ", "f", "pgdn", "\x06", "z":
			pg.top += body
		case "b", "pgup", "\x02", "w":
			pg.top -= body
		case "j", "\r", "\n", "down", "e", "\x0e", "\x05":
			pg.top++
		case "k", "up", "y", "\x10", "\x19":
			pg.top--
		case "d", "\x04":
			pg.top += body / 2
		case "u", "\x15":
			pg.top -= body / 2
		case "g", "<", "home":
			pg.top = 0
		case "G", ">", "end":
			pg.top = pg.lines.Len()
		case "/", "?":
			pat := pg.prompt(k)
			if pat != "" {
				if !strings.ContainsFunc(pat, unicode.IsUpper) {
					pat = "(?i)" + pat
				}
				re, err := regexp.Compile(pat)
				if err != nil {
					pg.msg = "Invalid pattern"
					continue
				}
				pg.re = re
			}
			pg.back = k == "?"
			pg.search(!pg.back)
		case "n":
			pg.search(!pg.back)
		case "N":
			pg.search(pg.back)
		case "h", "H":
			pg.help()
		}
	}
}

// prompt reads a search pattern on the status line.
func (pg *pager) prompt(p string) string {
	var s []rune
	for {
		io.WriteString(pg.out, "\r\x1b[K"+p+string(s))
		k := pg.key()
		switch k {
		case "\r", "\n":
			return string(s)
		case "\x1b", "\x03":
			return ""
		case "\x7f", "\b":
			if len(s) > 0 {
				s = s[:len(s)-1]
			} else {
				return ""
			}
		default:
			if len(k) == 1 && k[0] >= ' ' {
				s = append(s, rune(k[0]))
			}
		}
	}
}

// search moves to the next (or previous) line matching the pattern.
func (pg *pager) search(forward bool) {
	if pg.re == nil {
		pg.msg = "No previous regular expression"
		return
	}
	for i := 1; i <= pg.lines.Len(); i++ {
		n := pg.top + i
		if !forward {
			n = pg.top - i
		}
		if n < 0 || n >= pg.lines.Len() {
			break
		}
		if pg.re.MatchString(pg.lines.At(n).String()) {
			pg.top = n
			return
		}
	}
	pg.msg = "Pattern not found"
}

func (pg *pager) help() {
	saved, top := pg.lines, pg.top
	var hl []roff.Line
	for _, s := range []string{
		"  SPACE f PgDn    forward one screen      b PgUp      back one screen",
		"  j Enter Down    forward one line        k Up        back one line",
		"  d               forward half a screen   u           back half a screen",
		"  g < Home        first line              G > End     last line",
		"  /pattern        search forward          ?pattern    search backward",
		"  n               repeat search           N           repeat, other way",
		"  q               quit",
		"",
		"  press q to leave this help",
	} {
		l := make(roff.Line, 0, len(s))
		for _, r := range s {
			l = append(l, roff.Cell{R: r})
		}
		hl = append(hl, l)
	}
	pg.lines, pg.top = Slice(hl), 0
	for {
		pg.draw()
		if k := pg.key(); k == "q" || k == "Q" || k == "\x03" {
			break
		}
	}
	pg.lines, pg.top = saved, top
}
