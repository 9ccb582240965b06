// Package quote quotes file names the way GNU tools show them, in the
// quoting styles of gnulib's quotearg module that `ls --quoting-style`
// names: a name with a space or a newline must come out so that a person can
// see it and, in the shell styles, paste it back into a shell.
//
// Only the C locale is modelled: every byte outside printable ASCII is
// unprintable, which is what GNU tools do under LC_ALL=C.
package quote

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
	return o.appendStyle(dst, name, o.Style, false, true)
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
// are forced, since the quotes already protect those bytes.
func (o *Options) appendStyle(dst []byte, name string, style Style, elide, useExtra bool) []byte {
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
		q := "'"
		if style == CLocale {
			q = `"`
		}
		if !elide {
			dst = append(dst, q...)
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
		return o.appendStyle(dst[:start], name, st, false, false)
	}

	sawSingleQuote := false
	allCompat := true      // every byte could go inside "..." or '...' unchanged
	inDollarQuote := false // inside a $'...' run opened for escapes
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
		return o.appendStyle(dst[:start], name, C, false, useExtra)
	}
	if closeQuote != "" && !elide {
		dst = append(dst, closeQuote...)
	}
	return dst
}
