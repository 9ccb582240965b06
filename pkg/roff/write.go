package roff

import (
	"bufio"
	"io"
)

// Style is how fonts are shown on output.
type Style int

const (
	// Plain drops all formatting: what man prints into a pipe or file.
	Plain Style = iota
	// Overstrike is grotty's classic form: bold as c\bc, italic as _\bc,
	// for pagers such as less that interpret backspaces.
	Overstrike
	// SGR uses ANSI escape sequences: bold ESC[1m, italic as underline
	// ESC[4m, as grotty does when GROFF_SGR is set.
	SGR
)

// Write writes lines to w in style s.
func Write(w io.Writer, lines []Line, s Style) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		writeLine(bw, l, s)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func writeLine(bw *bufio.Writer, l Line, s Style) {
	cur := Roman
	for _, c := range l {
		if c.R == 0 {
			continue // right half of a wide character
		}
		f := c.F
		if c.R == ' ' {
			f = Roman
		}
		switch s {
		case Plain:
			bw.WriteRune(c.R)
		case Overstrike:
			if f&Italic != 0 {
				bw.WriteString("_\b")
			}
			if f&Bold != 0 {
				bw.WriteRune(c.R)
				bw.WriteByte('\b')
			}
			bw.WriteRune(c.R)
		case SGR:
			if f != cur {
				if cur&Bold != 0 && f&Bold == 0 {
					bw.WriteString("\x1b[22m")
				}
				if cur&Italic != 0 && f&Italic == 0 {
					bw.WriteString("\x1b[24m")
				}
				if f&Bold != 0 && cur&Bold == 0 {
					bw.WriteString("\x1b[1m")
				}
				if f&Italic != 0 && cur&Italic == 0 {
					bw.WriteString("\x1b[4m")
				}
				cur = f
			}
			bw.WriteRune(c.R)
		}
	}
	if s == SGR && cur != Roman {
		bw.WriteString("\x1b[0m")
	}
}
