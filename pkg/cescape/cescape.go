// Package cescape holds the pieces of C's backslash escapes that several
// tools decode, each in its own dialect: echo -e (\0NNN, \c), stat
// --printf (\NNN, \" and a warning for unknown ones) and ls's LS_COLORS
// (\_ for a space, ^X for a control character). What the dialects share —
// the control letters and the octal and hexadecimal numbers — is here;
// what a backslash before anything else means stays with each tool.
package cescape

// Control returns the byte that the escape letter c stands for in C
// (plus \e, ESC, which GNU tools all accept): \a \b \e \f \n \r \t \v.
func Control(c byte) (byte, bool) {
	switch c {
	case 'a':
		return '\a', true
	case 'b':
		return '\b', true
	case 'e':
		return 0x1b, true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'v':
		return '\v', true
	}
	return 0, false
}

// Number reads up to max digits of base (8 or 16) from the start of s and
// returns their value and how many there were (0: no digit at all).
func Number(s string, max, base int) (value, n int) {
	for n < max && n < len(s) {
		d := digitValue(s[n])
		if d < 0 || d >= base {
			break
		}
		value = value*base + d
		n++
	}
	return value, n
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
