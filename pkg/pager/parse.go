package pager

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zinebox/zinebox/pkg/roff"
)

// Parse turns text into lines for the pager, understanding the two ways
// programs mark bold and underline for a terminal: overstriking (c\bc is
// bold, _\bc underlined, as grotty and nroff write it) and SGR escape
// sequences (ESC[1m, ESC[4m, ESC[0m). Tabs go to the next multiple of 8;
// other control characters are dropped.
func Parse(text string) []roff.Line {
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil
	}
	var lines []roff.Line
	for _, s := range strings.Split(text, "\n") {
		lines = append(lines, parseLine(strings.TrimSuffix(s, "\r")))
	}
	return lines
}

func parseLine(s string) roff.Line {
	var l roff.Line
	font := roff.Roman
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\x1b' && i+1 < len(s) && s[i+1] == '[':
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				font = sgr(font, s[i+2:j])
			}
			i = j + 1
			continue
		case c == '\b':
			// overstrike: the next character is printed over the last
			i++
			if len(l) == 0 || i >= len(s) {
				continue
			}
			ch, n := utf8.DecodeRuneInString(s[i:])
			i += n
			last := &l[len(l)-1]
			switch {
			case last.R == '_' && ch != '_':
				last.R, last.F = ch, last.F|roff.Italic
			case ch == '_' && last.R != '_':
				last.F |= roff.Italic
			default:
				last.R, last.F = ch, last.F|roff.Bold
			}
			continue
		case c == '\t':
			l = append(l, roff.Cell{R: ' '})
			for len(l)%8 != 0 {
				l = append(l, roff.Cell{R: ' '})
			}
			i++
			continue
		case c < ' ' || c == 0x7f:
			i++
			continue
		}
		ch, n := utf8.DecodeRuneInString(s[i:])
		l = append(l, roff.Cell{R: ch, F: font})
		i += n
	}
	return l
}

// sgr applies the parameters of an ESC[...m sequence to font.
func sgr(font roff.Font, params string) roff.Font {
	if params == "" {
		return roff.Roman
	}
	for _, p := range strings.Split(params, ";") {
		n, _ := strconv.Atoi(p)
		switch n {
		case 0:
			font = roff.Roman
		case 1:
			font |= roff.Bold
		case 3, 4:
			font |= roff.Italic
		case 22:
			font &^= roff.Bold
		case 23, 24:
			font &^= roff.Italic
		}
	}
	return font
}
