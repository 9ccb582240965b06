// Package quote quotes file names the way GNU tools show them, in the
// quoting styles of gnulib's quotearg module that `ls --quoting-style`
// names: a name with a space or a newline must come out so that a person can
// see it and, in the shell styles, paste it back into a shell.
//
// Two locales are modelled: C (every byte outside printable ASCII is
// unprintable, as GNU tools see it under LC_ALL=C) and UTF-8 ones such as
// C.UTF-8 (Options.UTF8: printable characters pass through).
package quote

import (
	"unicode"
	"unicode/utf8"
)

// Style is a quoting style.
type Style int

const (
	Literal           Style = iota // as is
	Shell                          // quote for a POSIX shell only when needed
	ShellAlways                    // always quote for a POSIX shell
	ShellEscape                    // like Shell, with $'\n' escapes for unprintable bytes
	ShellEscapeAlways              // like ShellAlways, with $'\n' escapes
	C                              // "C string" with backslash escapes
	CMaybe                         // C, but without the quotes when none are needed
	Escape                         // backslash escapes, no quotes
	Locale                         // 'quotes' and escapes (in the C locale)
	CLocale                        // "quotes" and escapes (in the C locale)
)

var names = [...]string{"literal", "shell", "shell-always", "shell-escape",
	"shell-escape-always", "c", "c-maybe", "escape", "locale", "clocale"}

// Names returns the style names in the order GNU lists them.
func Names() []string { return names[:] }

func (s Style) String() string { return names[s] }

// ParseStyle returns the style called name.
func ParseStyle(name string) (Style, bool) {
	for i, n := range names {
		if n == name {
			return Style(i), true
		}
	}
	return 0, false
}

// Options is a style plus extra bytes that must be escaped (ls escapes the
// -F indicator characters, and ':' in directory headings).
type Options struct {
	Style Style
	// UTF8 says the locale's character set is UTF-8 (C.UTF-8 and the
	// like): printable multibyte characters are then shown as they are,
	// and the locale styles use curly quotes.
	UTF8  bool
	extra [256 / 32]uint32
}

// SetExtra asks for c to be escaped (or the name quoted) in styles that can.
func (o *Options) SetExtra(c byte) { o.extra[c/32] |= 1 << (c % 32) }

func (o *Options) isExtra(c byte) bool { return o.extra[c/32]>>(c%32)&1 != 0 }

// Quote returns name quoted with style s.
func (s Style) Quote(name string) string {
	o := Options{Style: s}
	return string(o.Append(nil, name))
}

// Append appends name, quoted, to dst.
func (o *Options) Append(dst []byte, name string) []byte {
	return o.appendStyle(dst, name, o.Style, false, true, false)
}

// utf8Char looks at the character at the start of s (whose first byte is
// not ASCII) as glibc's mbrtowc would in a UTF-8 locale. It returns the
// bytes it spans (0 or 1 for an invalid byte; the rest of s for a sequence
// cut short at the end) and whether it is printable.
func (o *Options) utf8Char(s string) (int, bool) {
	if !o.UTF8 || s[0] < 0x80 {
		return 0, false
	}
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		if !utf8.FullRuneInString(s) {
			return len(s), false
		}
		return 1, false
	}
	return size, IsPrint(r)
}

// IsPrint approximates glibc's iswprint in a UTF-8 locale: graphic
// characters, spaces, format characters such as U+200B and private-use
// ones, but not controls, surrogates or unassigned code points. (glibc 2.36
// knows Unicode 14; characters added later are printable here, not there.)
func IsPrint(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r < 0x7f
	}
	return unicode.IsGraphic(r) || unicode.In(r, unicode.Cf, unicode.Co)
}

// RuneWidth approximates glibc's wcwidth for a printable character: 0 for
// combining and format characters, 2 for East Asian wide ones, else 1.
func RuneWidth(r rune) int {
	switch {
	case r < 0x300:
		return 1 // ASCII, Latin-1 (U+00AD soft hyphen is 1 in glibc too)
	case prependedMark(r):
		return 1 // format characters that show, such as U+0600 ARABIC NUMBER SIGN
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || (r >= 0x1160 && r <= 0x11ff) ||
		(r >= 0xd7b0 && r <= 0xd7ff):
		return 0 // combining, format, and conjoining Hangul jamo
	}
	for _, w := range wideRanges {
		if r >= w[0] && r <= w[1] {
			return 2
		}
	}
	return 1
}

// prependedMark reports the Prepended_Concatenation_Mark characters, format
// characters that glibc gives a width of 1.
func prependedMark(r rune) bool {
	return (r >= 0x600 && r <= 0x605) || r == 0x6dd || r == 0x70f || r == 0x890 || r == 0x891 ||
		r == 0x8e2 || r == 0x110bd || r == 0x110cd
}

// wideRanges are the East Asian Wide and Fullwidth blocks.
var wideRanges = [...][2]rune{
	{0x1100, 0x115f}, {0x231a, 0x231b}, {0x2329, 0x232a}, {0x23e9, 0x23ec}, {0x23f0, 0x23f0},
	{0x23f3, 0x23f3}, {0x25fd, 0x25fe}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267f, 0x267f},
	{0x2693, 0x2693}, {0x26a1, 0x26a1}, {0x26aa, 0x26ab}, {0x26bd, 0x26be}, {0x26c4, 0x26c5},
	{0x26ce, 0x26ce}, {0x26d4, 0x26d4}, {0x26ea, 0x26ea}, {0x26f2, 0x26f3}, {0x26f5, 0x26f5},
	{0x26fa, 0x26fa}, {0x26fd, 0x26fd}, {0x2705, 0x2705}, {0x270a, 0x270b}, {0x2728, 0x2728},
	{0x274c, 0x274c}, {0x274e, 0x274e}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
	{0x27b0, 0x27b0}, {0x27bf, 0x27bf}, {0x2b1b, 0x2b1c}, {0x2b50, 0x2b50}, {0x2b55, 0x2b55},
	{0x2e80, 0x303e}, {0x3041, 0x33ff}, {0x3400, 0x4dbf}, {0x4dc0, 0x4dff}, {0x4e00, 0x9fff}, {0xa000, 0xa4cf},
	{0xa960, 0xa97f}, {0xac00, 0xd7a3}, {0xf900, 0xfaff}, {0xfe10, 0xfe19}, {0xfe30, 0xfe6f},
	{0xff00, 0xff60}, {0xffe0, 0xffe6}, {0x16fe0, 0x16fe4}, {0x16ff0, 0x16ff1}, {0x17000, 0x18cff},
	{0x18d00, 0x18d08}, {0x1aff0, 0x1aff3}, {0x1aff5, 0x1affb}, {0x1affd, 0x1affe}, {0x1b000, 0x1b2ff},
	{0x1f260, 0x1f265}, {0x1f6dd, 0x1f6df}, {0x1f7f0, 0x1f7f0},
	{0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf}, {0x1f18e, 0x1f18e}, {0x1f191, 0x1f19a}, {0x1f200, 0x1f251},
	{0x1f300, 0x1f320}, {0x1f32d, 0x1f335}, {0x1f337, 0x1f37c}, {0x1f37e, 0x1f393}, {0x1f3a0, 0x1f3ca},
	{0x1f3cf, 0x1f3d3}, {0x1f3e0, 0x1f3f0}, {0x1f3f4, 0x1f3f4}, {0x1f3f8, 0x1f43e}, {0x1f440, 0x1f440},
	{0x1f442, 0x1f4fc}, {0x1f4ff, 0x1f53d}, {0x1f54b, 0x1f54e}, {0x1f550, 0x1f567}, {0x1f57a, 0x1f57a},
	{0x1f595, 0x1f596}, {0x1f5a4, 0x1f5a4}, {0x1f5fb, 0x1f64f}, {0x1f680, 0x1f6c5}, {0x1f6cc, 0x1f6cc},
	{0x1f6d0, 0x1f6d2}, {0x1f6d5, 0x1f6d7}, {0x1f6eb, 0x1f6ec}, {0x1f6f4, 0x1f6fc}, {0x1f7e0, 0x1f7eb},
	{0x1f90c, 0x1f93a}, {0x1f93c, 0x1f945}, {0x1f947, 0x1f9ff}, {0x1fa70, 0x1faff}, {0x20000, 0x2fffd},
	{0x30000, 0x3fffd},
}

// printable reports isprint(c) in the C locale.
func printable(c byte) bool { return c >= 0x20 && c < 0x7f }

// harmless are the bytes that never need quoting or escaping in any style.
func harmless(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	switch c {
	case '%', '+', ',', '-', '.', '/', ':', ']', '_':
		return true
	}
	return false
}

// appendStyle is the quoting engine. It writes the quoted form of name for
// style; elide says that outer quotes are to be left off unless something
// needs them, in which case the engine starts over with them ("forcing").
// useExtra says whether the extra set applies; it does not once outer quotes
// are forced, since the quotes already protect those bytes. inDollar starts
// the pass inside a $'...' run (see the end of the function for why).
func (o *Options) appendStyle(dst []byte, name string, style Style, elide, useExtra, inDollar bool) []byte {
	start := len(dst)
	backslash := false
	var closeQuote string
	shellMode := false // the shell styles share one set of rules
	switch style {
	case CMaybe:
		elide = true
		style = C
		fallthrough
	case C:
		if !elide {
			dst = append(dst, '"')
		}
		backslash, closeQuote = true, `"`
	case Escape:
		backslash, elide = true, false
	case Locale, CLocale:
		open, q := "'", "'"
		switch {
		case o.UTF8:
			open, q = "\u2018", "\u2019"
		case style == CLocale:
			open, q = `"`, `"`
		}
		if !elide {
			dst = append(dst, open...)
		}
		backslash, closeQuote = true, q
	case ShellEscape:
		backslash, elide, shellMode = true, true, true
	case Shell:
		elide, shellMode = true, true
	case ShellEscapeAlways:
		backslash, shellMode = !elide || backslash, true
	case ShellAlways:
		shellMode = true
	default: // Literal
		elide = false
	}
	if shellMode {
		if !elide {
			dst = append(dst, '\'')
		}
		closeQuote = "'"
	}

	force := func() []byte {
		st := style
		if shellMode {
			st = ShellAlways
			if backslash {
				st = ShellEscapeAlways
			}
		}
		return o.appendStyle(dst[:start], name, st, false, false, false)
	}

	sawSingleQuote := false
	allCompat := true         // every byte could go inside "..." or '...' unchanged
	inDollarQuote := inDollar // inside a $'...' run opened for escapes
	for i := 0; i < len(name); i++ {
		c := name[i]
		compat := false
		isCloseQuote := false
		esc := byte(0) // the letter of a backslash escape, or 0
		if backslash && !shellMode && closeQuote != "" &&
			len(name)-i >= len(closeQuote) && name[i:i+len(closeQuote)] == closeQuote {
			if elide {
				return force()
			}
			isCloseQuote = true
		}
		octal := false
		switch c {
		case 0:
			if backslash {
				esc = '0'
			}
		case '?':
			if shellMode && elide {
				return force()
			}
		case '\a':
			esc = 'a'
		case '\b':
			esc = 'b'
		case '\f':
			esc = 'f'
		case '\v':
			esc = 'v'
		case '\n', '\r', '\t':
			if shellMode && elide {
				return force()
			}
			switch c {
			case '\n':
				esc = 'n'
			case '\r':
				esc = 'r'
			default:
				esc = 't'
			}
		case '\\':
			if shellMode {
				if elide {
					return force()
				}
				break
			}
			if backslash && elide && closeQuote != "" {
				break
			}
			esc = '\\'
		case '{', '}', '#', '~', ' ',
			'!', '"', '$', '&', '(', ')', '*', ';', '<', '=', '>', '[', '^', '`', '|':
			special := true
			switch c {
			case '{', '}':
				special = len(name) == 1
			case '#', '~':
				special = i == 0
			}
			if special {
				if c == '{' || c == '}' || c == '#' || c == '~' || c == ' ' {
					compat = true
				}
				if shellMode && elide {
					return force()
				}
			}
		case '\'':
			sawSingleQuote = true
			compat = true
			if shellMode {
				if elide {
					return force()
				}
				dst = append(dst, '\'', '\\', '\'')
				inDollarQuote = false
			}
		default:
			if harmless(c) {
				compat = true
				break
			}
			if m, ok := o.utf8Char(name[i:]); m > 1 {
				// A multibyte character goes out whole: as it is when
				// printable, else every byte escaped.
				escape := backslash && !ok
				if escape && elide {
					return force()
				}
				for k := range m {
					b := name[i+k]
					if escape {
						if shellMode && !inDollarQuote {
							dst = append(dst, '\'', '$', '\'')
							inDollarQuote = true
						}
						dst = append(dst, '\\', '0'+b>>6, '0'+(b>>3)&7, '0'+b&7)
						continue
					}
					if k == 0 && isCloseQuote {
						dst = append(dst, '\\')
					}
					if inDollarQuote {
						dst = append(dst, '\'', '\'')
						inDollarQuote = false
					}
					dst = append(dst, b)
				}
				if !ok {
					allCompat = false
				}
				i += m - 1
				continue
			}
			p := printable(c)
			compat = p
			if backslash && !p {
				octal = true
			}
		}
		if esc != 0 && !backslash {
			esc = 0
		}
		if c == 0 && backslash && !shellMode && i+1 < len(name) && name[i+1] >= '0' && name[i+1] <= '9' {
			octal = true // "\000" so that a following digit is not read as part of it
			esc = 0
		}
		escapeIt := esc != 0 || octal ||
			(((backslash && !shellMode) || elide) && useExtra && o.isExtra(c)) || isCloseQuote
		if escapeIt {
			if elide {
				return force()
			}
			if shellMode && !inDollarQuote {
				dst = append(dst, '\'', '$', '\'')
				inDollarQuote = true
			}
			dst = append(dst, '\\')
			switch {
			case octal:
				dst = append(dst, '0'+c>>6, '0'+(c>>3)&7, '0'+c&7)
			case esc != 0:
				dst = append(dst, esc)
			default:
				dst = append(dst, c)
			}
		} else {
			if inDollarQuote {
				dst = append(dst, '\'', '\'')
				inDollarQuote = false
			}
			dst = append(dst, c)
		}
		if !compat {
			allCompat = false
		}
	}
	if len(dst) == start && shellMode && elide {
		return force()
	}
	// A lone apostrophe reads better as "it's" than as 'it'\''s'.
	if shellMode && !elide && sawSingleQuote && allCompat {
		return o.appendStyle(dst[:start], name, C, false, useExtra, false)
	}
	// gnulib scans a name with an apostrophe once to look for the shorter
	// form above and, not finding it, writes it in a second pass that
	// starts with the first pass's $'...' state: a name ending in an escape
	// comes out as '''a'\''b'$'\n' (or '\n''a'... when it starts with one).
	// Users see it, so do we.
	if shellMode && !elide && sawSingleQuote && inDollarQuote && !inDollar {
		return o.appendStyle(dst[:start], name, style, false, useExtra, true)
	}
	if closeQuote != "" && !elide {
		dst = append(dst, closeQuote...)
	}
	return dst
}
