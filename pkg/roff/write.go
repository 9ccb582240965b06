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
	// SGR state as grotty keeps it: underline is switched off before a gap
	// (it would underline the spaces) but bold runs on across it; each
	// glyph switches underline first, then bold; a line that ends with an
	// attribute on ends with a full reset.
	bold, ul := false, false
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
			if c.R == ' ' {
				if ul {
					bw.WriteString("\x1b[24m")
					ul = false
				}
				bw.WriteByte(' ')
				continue
			}
			if wantUL := f&Italic != 0; wantUL != ul {
				if wantUL {
					bw.WriteString("\x1b[4m")
				} else {
					bw.WriteString("\x1b[24m")
				}
				ul = wantUL
			}
			if wantBold := f&Bold != 0; wantBold != bold {
				if wantBold {
					bw.WriteString("\x1b[1m")
				} else {
					bw.WriteString("\x1b[22m")
				}
				bold = wantBold
			}
			bw.WriteRune(c.R)
		}
	}
	if bold || ul {
		bw.WriteString("\x1b[0m")
	}
}
