// Package echo implements echo(1) as GNU coreutils does: write the
// arguments, separated by spaces, and a newline.
//
// Like GNU echo (and unlike getopt), an argument is an option only if it
// is made of the letters n, e and E after a '-', and option parsing stops at
// the first argument that is not one. A lone --help or --version is
// answered. With POSIXLY_CORRECT set, backslash escapes are always
// interpreted and only a first argument of exactly -n is an option.
package echo

import (
	_ "embed"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/cescape"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed echo.1
var manPage string

var Applet = applet.Applet{
	Name:    "echo",
	Summary: "display a line of text",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "echo",
	Usage:   []string{"[SHORT-OPTION]... [STRING]...", "LONG-OPTION"},
	Summary: "Echo the STRING(s) to standard output.",
	Options: []getopt.Option{
		{Short: 'n', Help: "do not output the trailing newline"},
		{Short: 'e', Help: "enable interpretation of backslash escapes"},
		{Short: 'E', Help: "disable interpretation of backslash escapes (default)"},
	},
	Footer: `If -e is in effect, the following sequences are recognized:

  \\      backslash
  \a      alert (BEL)
  \b      backspace
  \c      produce no further output
  \e      escape
  \f      form feed
  \n      new line
  \r      carriage return
  \t      horizontal tab
  \v      vertical tab
  \0NNN   byte with octal value NNN (1 to 3 digits)
  \xHH    byte with hexadecimal value HH (1 to 2 digits)`,
}

func run(io *applet.IO, args []string) int {
	_, posix := io.LookupEnv("POSIXLY_CORRECT")
	if !posix && len(args) == 1 && (args[0] == "--help" || args[0] == "--version") {
		_, _, st := io.Parse(&spec, args, 1)
		return st
	}
	newline, escapes := true, posix
	if posix {
		if len(args) > 0 && args[0] == "-n" {
			newline, args = false, args[1:]
		}
	} else {
		for len(args) > 0 && isOptionWord(args[0]) {
			for _, c := range args[0][1:] {
				switch c {
				case 'n':
					newline = false
				case 'e':
					escapes = true
				case 'E':
					escapes = false
				}
			}
			args = args[1:]
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if escapes {
			if stop := Unescape(&b, a); stop {
				newline = false
				break
			}
		} else {
			b.WriteString(a)
		}
	}
	if newline {
		b.WriteByte('\n')
	}
	if _, err := io.Stdout.WriteString(b.String()); err != nil {
		return io.WriteFailed(err)
	}
	return 0
}

// isOptionWord reports whether s is "-" followed only by n, e and E.
func isOptionWord(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	return strings.Trim(s[1:], "neE") == ""
}

// Unescape appends s to b with echo -e's backslash escapes interpreted and
// reports whether \c asked for output to stop there.
func Unescape(b *strings.Builder, s string) (stop bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		if ctl, ok := cescape.Control(s[i]); ok {
			b.WriteByte(ctl)
			continue
		}
		switch s[i] {
		case '\\':
			b.WriteByte('\\')
		case 'c':
			return true
		case '0':
			v, n := cescape.Number(s[i+1:], 3, 8)
			b.WriteByte(byte(v))
			i += n
		case '1', '2', '3', '4', '5', '6', '7':
			// GNU also takes \NNN without the leading 0.
			v, n := cescape.Number(s[i:], 3, 8)
			b.WriteByte(byte(v))
			i += n - 1
		case 'x':
			v, n := cescape.Number(s[i+1:], 2, 16)
			if n == 0 { // "\x" with no hex digit stays as it is
				b.WriteString(`\x`)
				continue
			}
			b.WriteByte(byte(v))
			i += n
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return false
}
