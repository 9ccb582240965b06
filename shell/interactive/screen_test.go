package interactive

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// screen is a minimal VT100 (and the few xterm sequences readline uses:
// insert and delete characters; attributes and modes are ignored): enough
// to check what the editor's output
// looks like on a terminal (with the deferred wrap of the last column,
// which is where line editors usually go wrong).
type screen struct {
	w, h     int
	cells    [][]rune
	row, col int
	wrap     bool // the cursor is past the last column; the next character wraps
}

func newScreen(w, h int) *screen {
	s := &screen{w: w, h: h}
	for i := 0; i < h; i++ {
		s.cells = append(s.cells, []rune(strings.Repeat(" ", w)))
	}
	return s
}

func (s *screen) down() {
	s.row++
	if s.row == s.h {
		s.cells = append(s.cells[1:], []rune(strings.Repeat(" ", s.w)))
		s.row--
	}
}

func (s *screen) feed(out string) {
	rs := []rune(out)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\r':
			s.col, s.wrap = 0, false
		case r == '\n':
			s.down()
			s.wrap = false
		case r == '\a':
		case r == '\b':
			if s.col > 0 && !s.wrap {
				s.col--
			}
			s.wrap = false
		case r == 0x1b && i+1 < len(rs) && rs[i+1] == '[':
			j := i + 2
			for j < len(rs) && (rs[j] < 0x40 || rs[j] > 0x7e) {
				j++
			}
			if j == len(rs) {
				return
			}
			n, err := strconv.Atoi(string(rs[i+2 : j]))
			if err != nil {
				n = 0
			}
			s.wrap = false
			switch rs[j] {
			case 'A':
				s.row = max(0, s.row-max(n, 1))
			case 'B':
				s.row = min(s.h-1, s.row+max(n, 1))
			case 'C':
				s.col = min(s.w-1, s.col+max(n, 1))
			case 'D':
				s.col = max(0, s.col-max(n, 1))
			case 'K':
				for x := s.col; x < s.w; x++ {
					s.cells[s.row][x] = ' '
				}
			case 'P': // delete characters
				line := s.cells[s.row]
				n = min(max(n, 1), s.w-s.col)
				copy(line[s.col:], line[s.col+n:])
				for x := s.w - n; x < s.w; x++ {
					line[x] = ' '
				}
			case '@': // insert blanks
				line := s.cells[s.row]
				n = min(max(n, 1), s.w-s.col)
				copy(line[s.col+n:], line[s.col:s.w-n])
				for x := s.col; x < s.col+n; x++ {
					line[x] = ' '
				}
			case 'H':
				s.row, s.col = 0, 0
			case 'J':
				if n == 2 {
					for y := range s.cells {
						s.cells[y] = []rune(strings.Repeat(" ", s.w))
					}
					break
				}
				for x := s.col; x < s.w; x++ {
					s.cells[s.row][x] = ' '
				}
				for y := s.row + 1; y < s.h; y++ {
					s.cells[y] = []rune(strings.Repeat(" ", s.w))
				}
			}
			i = j
		default:
			if s.wrap {
				s.col = 0
				s.down()
				s.wrap = false
			}
			s.cells[s.row][s.col] = r
			if s.col == s.w-1 {
				s.wrap = true
			} else {
				s.col++
			}
		}
	}
}

// text is the screen's rows without trailing blanks, and without the
// empty rows at the bottom.
func (s *screen) text() string {
	var rows []string
	for _, c := range s.cells {
		rows = append(rows, strings.TrimRight(string(c), " "))
	}
	return strings.TrimRight(strings.Join(rows, "\n"), "\n")
}

// TestEditorScreen types at the helper on a 20-column terminal and checks
// what a VT100 shows after each line is entered, with a plain prompt and
// with a two-line prompt whose colour codes are marked invisible.
func TestEditorScreen(t *testing.T) {
	for _, p := range []struct{ prompt, above string }{
		{"P> ", ""},
		{"top\n\001\x1b[1m\002P> \001\x1b[0m\002", "top\n"},
	} {
		t.Run(p.above, func(t *testing.T) { testScreen(t, p.prompt, p.above) })
	}
}

func testScreen(t *testing.T, prompt, above string) {
	tm, _ := startInPTYSize(t, exec.Command(os.Args[0], "-test.run=^$"), 12, 20,
		"ZB_EDITOR_HELPER=1", "ZB_DIR="+t.TempDir(), "TERM=vt100", "ZB_PROMPT="+prompt)
	show := func(keys string) string {
		t.Helper()
		tm.expect("P> ")
		tm.send(keys)
		tm.expect(">>\r\n")
		tm.mu.Lock()
		out := tm.out.String()
		tm.mu.Unlock()
		s := newScreen(20, 12)
		s.feed(out)
		return s.text()
	}
	alnum := "0123456789abcdefghijklmnopqrstuvwxyz"
	for _, tc := range []struct {
		keys string
		want string // the rows the line occupies (the last rows before the report)
	}{
		// Typed, then the cursor is moved home and text inserted: every
		// row is redrawn.
		{alnum + "\x01XY\r", "P> XY0123456789abcde\nfghijklmnopqrstuvwxy\nz"},
		// Exactly one full row: the cursor must move to the next row
		// before the next character.
		{"0123456789abcdefg" + "!\r", "P> 0123456789abcdefg\n!"},
		// Deleting back over a row boundary erases the old characters.
		{alnum + strings.Repeat("\x7f", 20) + "\r", "P> 0123456789abcdef"},
		// Killing the whole line from the middle of the second row.
		{alnum + "\x1b[D\x1b[D\x15\r", "P> yz"},
		// Typing and Backspace at the end draw only what changed, also
		// next to a row boundary.
		{"0123456789abcdef\x7f\x7fXYZ!?\x7f\x7f\x7f#\r", "P> 0123456789abcdXY#"},
		{"0123456789abcdefghij\x7f\x7f\x7f\x7fK\r", "P> 0123456789abcdefK"},
		{"ab\x02\x7fc\r", "P> cb"},
		// C-l clears the screen and draws the prompt (both lines) again.
		{"abc\x0cd\r", "P> abcd"},
	} {
		got := show(tc.keys)
		// The editor must not have drawn over what was above the prompt
		// (a wrong row count moves the cursor up too far).
		last := strings.LastIndex(got, "P> ")
		if got[:last] != above && (tc.keys == "abc\x0cd\r" || !strings.HasSuffix(got[:last], ">>\n"+above)) {
			t.Errorf("keys %q: the rows above the prompt were overwritten:\n%s", tc.keys, got)
		}
		block := got[last:]
		block = block[:strings.LastIndex(block, "\n<<")]
		if block != tc.want {
			t.Errorf("keys %q: screen shows\n%s\nwant\n%s", tc.keys, block, tc.want)
		}
	}
}
