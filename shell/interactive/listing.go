package interactive

import (
	"fmt"
	"strings"
)

// queryItems is how many alternatives a double Tab lists without asking
// first, as readline's completion-query-items.
const queryItems = 100

// complete is Tab. One match replaces the word; several insert their
// longest common prefix, and a second Tab in a row lists them.
func (e *Editor) complete(again bool) {
	if e.opts.Complete == nil {
		e.bell()
		return
	}
	line := string(e.buf)
	pos := len(string(e.buf[:e.pos]))
	c := e.opts.Complete(line, pos)
	word := ""
	if strings.HasPrefix(line[:pos], c.Head) {
		word = line[len(c.Head):pos]
	}
	set := func(w string) {
		e.buf = append(e.buf[:0], []rune(c.Head+w)...)
		e.pos = len(e.buf)
		e.buf = append(e.buf, []rune(c.Tail)...)
	}
	switch len(c.Words) {
	case 0:
		e.bell()
	case 1:
		set(c.Words[0])
	default:
		if p := commonPrefix(c.Words); len(p) > len(word) {
			set(p)
			return
		}
		if !again {
			e.bell()
			return
		}
		e.list(c)
	}
}

// list shows the alternatives below the line, then draws the prompt again.
func (e *Editor) list(c Completion) {
	items := c.Display
	if len(items) != len(c.Words) {
		items = c.Words
	}
	e.finishKeep()
	if len(items) >= queryItems {
		e.out1 = fmt.Appendf(e.out1, "Display all %d possibilities? (y or n)", len(items))
		e.flush()
		for {
			k, err := e.readKey()
			if err != nil || k == 'n' || k == 'N' || k == ctrlC || k == ctrlG || k == backspace {
				e.out1 = append(e.out1, "\r\n"...)
				e.out1 = append(e.out1, e.head...)
				return
			}
			if k == 'y' || k == 'Y' || k == ' ' {
				e.out1 = append(e.out1, "\r\n"...)
				break
			}
		}
	}
	// Page by page on a short screen (readline's page-completions):
	// Space or y shows the next page, Enter one more row, q or n stops.
	rows := strings.SplitAfter(Columns(items, e.width()), "\n")
	page := max(e.height()-1, 1)
	shown := 0
	for _, row := range rows {
		if row == "" {
			continue
		}
		if shown == page {
			e.out1 = append(e.out1, "--More--"...)
			e.flush()
			more := e.morePrompt()
			e.out1 = append(e.out1, "\r\x1b[K"...)
			if more < 0 {
				break
			}
			shown = page - more
		}
		e.out1 = append(e.out1, strings.TrimSuffix(row, "\n")...)
		e.out1 = append(e.out1, "\r\n"...)
		shown++
	}
	e.out1 = append(e.out1, e.head...)
}

// morePrompt reads the answer to --More--: how many rows to show next
// (a page, or 1 for Enter), or -1 to stop.
func (e *Editor) morePrompt() int {
	for {
		k, err := e.readKey()
		switch {
		case err != nil || k == 'q' || k == 'Q' || k == 'n' || k == 'N' || k == ctrlC || k == ctrlG || k == esc|metaBit:
			return -1
		case k == ' ' || k == 'y' || k == 'Y':
			return max(e.height()-1, 1)
		case k == '\r' || k == ctrlJ:
			return 1
		}
		e.bell()
		e.flush()
	}
}

func (e *Editor) height() int {
	h := 0
	if e.opts.Height != nil {
		h = e.opts.Height()
	} else {
		h = TerminalHeight(e.outFd)
	}
	if h < 2 {
		h = 24
	}
	return h
}

// finishKeep moves below the line being edited, keeping the buffer.
func (e *Editor) finishKeep() {
	pos := e.pos
	e.pos = len(e.buf)
	e.refresh()
	e.pos = pos
	if total := e.promptCols + textWidth(e.buf); total == 0 || total%e.width() != 0 {
		e.out1 = append(e.out1, "\r\n"...)
	}
	e.row = 0
}

func commonPrefix(words []string) string {
	p := words[0]
	for _, w := range words[1:] {
		n := 0
		for n < len(p) && n < len(w) && p[n] == w[n] {
			n++
		}
		p = p[:n]
	}
	// Do not cut a UTF-8 sequence in half.
	for len(p) > 0 && !validEnd(p) {
		p = p[:len(p)-1]
	}
	return p
}

func validEnd(s string) bool {
	for i := len(s) - 1; i >= 0 && i >= len(s)-4; i-- {
		b := s[i]
		if b < 0x80 {
			return true
		}
		if b >= 0xC0 {
			need := 2
			if b >= 0xE0 {
				need = 3
			}
			if b >= 0xF0 {
				need = 4
			}
			return len(s)-i == need
		}
	}
	return false
}

// Columns lays items out in columns down then across, as bash lists
// completions: every column is as wide as the widest item plus two
// spaces, as many columns as fit in width (one at least), and no
// trailing blanks. Each row ends in "\n".
func Columns(items []string, width int) string {
	if len(items) == 0 {
		return ""
	}
	widest := 0
	for _, it := range items {
		widest = max(widest, textWidth([]rune(it)))
	}
	colWidth := widest + 2
	perRow := width / colWidth
	if perRow > 1 && perRow*colWidth == width {
		perRow-- // a full row would wrap on terminals that wrap at once
	}
	perRow = max(perRow, 1)
	rows := (len(items) + perRow - 1) / perRow
	var b strings.Builder
	for r := 0; r < rows; r++ {
		for c := 0; c < perRow; c++ {
			i := r + c*rows
			if i >= len(items) {
				break
			}
			if c > 0 {
				prev := items[i-rows]
				b.WriteString(strings.Repeat(" ", colWidth-textWidth([]rune(prev))))
			}
			b.WriteString(items[i])
		}
		b.WriteByte('\n')
	}
	return b.String()
}
