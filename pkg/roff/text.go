package roff

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// textLine formats one input text line.
func (r *renderer) textLine(l string) {
	if strings.Contains(l, `\}`) && strings.TrimSpace(strings.ReplaceAll(l, `\}`, "")) == "" {
		return // the end of a conditional block, not an empty line
	}
	l = r.expand(l, false, 0)
	if strings.TrimSpace(l) == "" && l != "" && r.fill {
		// only blanks: a break and a blank line, like an empty line
		l = ""
	}
	if l == "" {
		if r.fill {
			r.space(1)
		} else {
			r.brk()
			if !r.ns {
				r.output(nil)
			}
		}
		return // a blank line is like .sp: it does not spring the trap
	}
	if r.fill && (l[0] == ' ' || l[0] == '\t') {
		r.brk()
		for len(l) > 0 && l[0] == ' ' {
			r.addNode(nFixed, 1)
			l = l[1:]
		}
	}
	if r.fill {
		// groff ignores blanks at the end of a filled line
		t := strings.TrimRight(l, " ")
		if t != l && strings.HasSuffix(t, `\`) && !endsInEscape(t[:len(t)-1]) {
			t += " " // an escaped blank stays
		}
		l = t
	}
	r.cont = false
	r.spaceRun = 0
	r.inline(l)
	if r.cont {
		return // \c: the next text line continues this one
	}
	if r.fill {
		r.lineSpace()
	} else {
		if r.center > 0 {
			r.brk()
		} else {
			r.brk()
		}
	}
	r.afterText()
}

// afterText runs the next-line trap the man macros set.
func (r *renderer) afterText() {
	if r.trapN > 0 {
		r.trapN--
		if r.trapN == 0 && r.trapFn != nil {
			fn := r.trapFn
			r.trapFn = nil
			fn()
		}
	}
}

// setTrap arranges for fn to run after the next text line, after any
// other function already waiting for it (.TP then .B).
func (r *renderer) setTrap(fn func()) {
	if r.trapN == 1 && r.trapFn != nil {
		prev := r.trapFn
		r.trapFn = func() { prev(); fn() }
		return
	}
	r.trapN = 1
	r.trapFn = fn
}

// glyph adds one printable character in the current font.
func (r *renderer) glyph(ch rune) {
	if m, ok := r.tr[ch]; ok {
		ch = m
	}
	if ch == 0xad {
		ch = ' ' // groff prints a soft hyphen as a blank
	}
	// groff may break a line after a hyphen inside a word
	if r.hyphenAt > 0 && r.hyphenAt == len(r.line) && isLetter(ch) {
		r.addNode(nBreak, 0)
		r.line[len(r.line)-1].soft = true
		r.line[len(r.line)-1].nohy = r.noHyWord
	}
	r.hyphenAt = 0
	r.spaceRun = 0
	r.addGlyph(ch, r.font)
	// a hyphen or an em dash after a letter may end a line (not \-,
	// whose handler clears this)
	if (ch == '-' || ch == '\u2014') && len(r.line) >= 2 {
		if prev := r.line[len(r.line)-2]; prev.kind == nGlyph && isLetter(prev.c.R) {
			r.hyphenAt = len(r.line)
		}
	}
	switch ch {
	case '.', '?', '!':
		r.sentEnd = true
	case '"', '\'', ')', ']', '*', '\u2020', '\u2021', '\u2019', '\u201d':
	default:
		r.sentEnd = false
	}
}

func (r *renderer) glyphs(s string) {
	for _, ch := range s {
		if ch == ' ' {
			r.addNode(nFixed, 1)
			continue
		}
		r.glyph(ch)
	}
}

// setFont handles \f and .ft arguments.
func (r *renderer) setFont(name string) {
	var f Font
	switch name {
	case "", "P":
		r.font, r.prevFont = r.prevFont, r.font
		return
	case "B", "3", "CB", "TB", "HB", "AB", "NB", "PB", "BB":
		f = Bold
	case "I", "2", "CI", "TI", "HI", "AI", "NI", "PI", "BI_":
		f = Italic
	case "BI", "4", "CBI", "TBI", "HBI", "ABI", "NBI", "PBI":
		f = BoldItalic
	default:
		f = Roman
	}
	r.prevFont = r.font
	r.font = f
}

// inline formats the characters and escapes of text s.
func (r *renderer) inline(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case ' ':
			if r.fill {
				// the second blank after a sentence is the sentence space
				w := 1
				if r.spaceRun == 0 {
					r.spaceAfterSent = r.sentEnd
				} else if r.spaceRun == 1 && r.spaceAfterSent {
					w = r.sentSpace
				}
				r.addSpace(w)
				r.spaceRun++
			} else {
				r.addNode(nFixed, 1)
			}
			i++
			continue
		case '\t':
			r.tab()
			i++
			continue
		case '\\':
			i = r.escape(s, i+1)
			continue
		}
		ch, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if ch < ' ' {
			continue
		}
		r.glyph(ch)
	}
}

func isLetter(ch rune) bool {
	return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'
}

// escape formats the escape sequence whose letter is at s[i] and returns
// the index after it.
func (r *renderer) escape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	e := s[i]
	i++
	switch e {
	case '\\', 'e':
		r.glyph('\\')
	case '-':
		r.glyph('-')
		r.hyphenAt = 0
	case '&', ')':
		// a zero-width character: the line is no longer empty
		r.addNode(nFixed, 0)
		r.sentEnd = false
	case ' ', '0':
		r.addNode(nFixed, 1)
	case '~':
		r.addNode(nNbsp, 1)
	case ':':
		r.addNode(nBreak, 0)
	case '%':
		r.noHyWord = true
	case '|', '^', 'E', '{', '}', '/', ',', 'p', 'r', 'u', 'd', 'a':
	case 'c':
		// \c joins the next text line to this one; font changes after it
		// (from .BI hd X\c) still count
		if onlyFontEscapes(s[i:]) {
			r.cont = true
		}
	case 't':
		r.tab()
	case '\'':
		r.glyph('\u00b4')
	case '`':
		r.glyph('`')
	case '.':
		r.glyph('.')
	case '(', '[':
		name, j := readName(s, i-1)
		r.special(name)
		return j
	case 'C':
		name, j := readDelimited(s, i)
		r.special(name)
		return j
	case 'N':
		arg, j := readDelimited(s, i)
		if n, err := strconv.Atoi(arg); err == nil && n > 0 && n < 0x110000 {
			r.glyph(rune(n))
		}
		return j
	case 'f':
		name, j := readName(s, i)
		r.setFont(name)
		return j
	case 's':
		j := i
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && (s[j] == '(' || s[j] == '[') {
			_, j = readName(s, j)
		} else if j < len(s) && s[j] == '\'' {
			_, j = readDelimited(s, j)
		} else if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
			if s[j-1] >= '1' && s[j-1] <= '3' && j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
		}
		return j
	case 'm', 'M', 'F', 'k', 'g', 'V', 'Y', 'n', '*', '$':
		_, j := readName(s, i)
		return j
	case 'h':
		arg, j := readDelimited(s, i)
		if u, ok := evalExpr(r.expand(arg, false, 0), 'm'); ok {
			if n := cols(u); n != 0 {
				r.addNode(nFixed, n)
			}
		}
		return j
	case 'v', 'X', 'D', 'b', 'R', 'x', 'H', 'S', 'L', 'B', 'A', 'Z', 'O', 'w':
		_, j := readDelimited(s, i)
		return j
	case 'l':
		arg, j := readDelimited(s, i)
		r.drawLine(arg)
		return j
	case 'o':
		arg, j := readDelimited(s, i)
		if arg != "" {
			r.inline(arg[:1])
		}
		return j
	case 'z':
		// zero-width character: show it; overstriking is not possible
	case '"', '#':
		return len(s)
	default:
		ch, n := utf8.DecodeRuneInString(s[i-1:])
		r.glyph(ch)
		return i - 1 + n
	}
	return i
}

// onlyFontEscapes reports whether s holds nothing but font changes.
func onlyFontEscapes(s string) bool {
	for i := 0; i < len(s); {
		switch {
		case s[i] == ' ':
			i++
		case strings.HasPrefix(s[i:], `\f`):
			_, i = readName(s, i+2)
		default:
			return false
		}
	}
	return true
}

// drawLine handles \l'N c': a horizontal line of N columns.
func (r *renderer) drawLine(arg string) {
	i := 0
	for i < len(arg) && (arg[i] >= '0' && arg[i] <= '9' || strings.IndexByte(".+-icpPmnvu", arg[i]) >= 0) {
		i++
	}
	u, ok := evalExpr(arg[:i], 'm')
	if !ok {
		return
	}
	ch := "_"
	if rest := arg[i:]; rest != "" {
		if strings.HasPrefix(rest, `\(`) || strings.HasPrefix(rest, `\[`) {
			name, _ := readName(rest, 1)
			ch = glyphName(name)
		} else {
			ch = rest[:1]
		}
	}
	for n := cols(u); n > 0; n-- {
		r.glyphs(ch)
	}
}

// special formats a named character (\(xx, \[name]).
func (r *renderer) special(name string) {
	if v, ok := r.chars[name]; ok {
		r.inline(v)
		return
	}
	if g := glyphName(name); g != "" {
		r.glyphs(g)
	}
}
