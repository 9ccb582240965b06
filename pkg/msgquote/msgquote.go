// Package msgquote quotes file names and arguments in messages the way GNU
// coreutils does (gnulib's quotearg), so that our diagnostics match GNU's
// byte for byte: `chmod: cannot access 'a b': No such file or directory`,
// `mode of "it's" retained`, a newline as $'\n'.
//
// Three styles are used by the tools:
//   - Always (GNU's quoteaf): shell-escape-always, for file names in most
//     messages: always in single quotes, a lone apostrophe handled with
//     double quotes, unprintable bytes as $'\ooo'.
//   - Shell (GNU's quotef): the same, but names that need no quoting stay
//     bare; colon adds ':' to the characters that need quoting.
//   - Locale (GNU's quote): 'x' with C backslash escapes, for non-file
//     arguments such as an invalid mode.
//
// Whether bytes above 0x7f are printable depends on the locale: under a
// UTF-8 locale valid printable characters stay as they are, otherwise (the
// C locale) they are escaped.
package msgquote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quoter quotes for one locale.
type Quoter struct {
	UTF8 bool // bytes of printable UTF-8 characters are printed as they are
}

// ForEnv returns the Quoter for an environment: UTF-8 when the effective
// LC_CTYPE (LC_ALL, then LC_CTYPE, then LANG) names a UTF-8 codeset.
func ForEnv(env []string) Quoter {
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := lookup(env, name); v != "" {
			l := strings.ToLower(v)
			return Quoter{UTF8: strings.Contains(l, "utf-8") || strings.Contains(l, "utf8")}
		}
	}
	return Quoter{}
}

func lookup(env []string, name string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(env[i], name+"="); ok {
			return v
		}
	}
	return ""
}

// next returns the character at s[i:] and its length, and whether it is
// printable as it is.
func (q Quoter) next(s string, i int) (size int, printable bool) {
	c := s[i]
	if c < 0x80 {
		return 1, c >= 0x20 && c < 0x7f
	}
	if !q.UTF8 {
		return 1, false
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n <= 1 {
		return 1, false
	}
	return n, unicode.IsPrint(r)
}

// needsShellQuote reports whether the printable ASCII byte c at index i of
// s makes the shell styles quote the whole string.
func needsShellQuote(s string, i int, colon bool) bool {
	c := s[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return false
	}
	switch c {
	case '%', '+', ',', '-', '.', '/', '@', ']', '_':
		return false
	case ':':
		return colon
	case '{', '}':
		return len(s) == 1
	case '#', '~':
		return i == 0
	}
	return true
}

// cCompatible reports whether the printable ASCII byte c means the same
// inside shell double quotes and a C string, so that a name with an
// apostrophe can be shown as "it's".
func cCompatible(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("%+,-./:@]_ '", c) >= 0
}

// Always quotes s as GNU's quoteaf does (shell-escape-always style).
func (q Quoter) Always(s string) string { return q.shell(s, true, false) }

// Shell quotes s only if it needs it (GNU's quotef without the colon).
func (q Quoter) Shell(s string) string { return q.shell(s, false, false) }

// ShellColon is Shell that also quotes names with ':' (GNU's quotef, used
// where the name is followed by ": message").
func (q Quoter) ShellColon(s string) string { return q.shell(s, false, true) }

func (q Quoter) shell(s string, always, colon bool) string {
	needs := always || s == ""
	apostrophe := false
	compat := true // every character reads the same in "..." and in C
	for i := 0; i < len(s); {
		n, printable := q.next(s, i)
		switch {
		case !printable:
			needs, compat = true, false
		case s[i] == '\'':
			needs, apostrophe = true, true
		case s[i] == ' ':
			needs = true
		case n > 1: // a printable multibyte character needs nothing
		default:
			if needsShellQuote(s, i, colon) {
				needs = true
			}
			if !cCompatible(s[i]) {
				compat = false
			}
		}
		i += n
	}
	if !needs {
		return s
	}
	if apostrophe && compat {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('\'')
	inEscape := false // inside a $'...' segment
	for i := 0; i < len(s); {
		n, printable := q.next(s, i)
		if !printable {
			if !inEscape {
				b.WriteString(`'$'`)
				inEscape = true
			}
			writeCEscape(&b, s[i])
			i++
			continue
		}
		if s[i] == '\'' {
			b.WriteString(`'\''`)
			inEscape = false
			i++
			continue
		}
		if inEscape {
			b.WriteString(`''`)
			inEscape = false
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	b.WriteByte('\'')
	out := b.String()
	if apostrophe && inEscape {
		// gnulib rescans a string with an apostrophe to look for a shorter
		// form and, when the string ends in an escape, the first pass
		// leaves an empty pair of quotes in front. Users see it, so do we.
		out = "''" + out
	}
	return out
}

// writeCEscape writes the backslash escape of the unprintable byte c.
func writeCEscape(b *strings.Builder, c byte) {
	switch c {
	case '\a':
		b.WriteString(`\a`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\v':
		b.WriteString(`\v`)
	default:
		b.WriteByte('\\')
		b.WriteByte('0' + c>>6)
		b.WriteByte('0' + c>>3&7)
		b.WriteByte('0' + c&7)
	}
}

// Locale quotes s as GNU's quote() does in the C and UTF-8 locales: in
// apostrophes (‘ and ’ under UTF-8), with backslash escapes for \,
// unprintable bytes and, in the C locale, the apostrophe.
func (q Quoter) Locale(s string) string {
	var b strings.Builder
	left, right := "'", "'"
	if q.UTF8 {
		left, right = "\u2018", "\u2019"
	}
	b.WriteString(left)
	for i := 0; i < len(s); {
		n, printable := q.next(s, i)
		switch {
		case !printable:
			writeCEscape(&b, s[i])
			i++
			continue
		case s[i] == '\\' || s[i] == '\'' && !q.UTF8:
			b.WriteByte('\\')
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	b.WriteString(right)
	return b.String()
}
