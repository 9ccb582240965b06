package env

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// -S (--split-string) exists for "#!" lines, where the kernel hands the
// whole rest of the line to env as one argument:
//
//	#!/usr/bin/env -S python3 -u
//
// env splits that argument into words, as GNU env does (a small shell-like
// grammar of its own, not sh's), and reads the words as if they had been
// given in its place: they may hold options, assignments and the command.

// expandSplitStrings replaces each -S STRING among args' options with the
// words of STRING, which are then read as options and operands in turn.
// Options end where getopt would end them: at "--" or the first operand.
// getenv gives ${NAME} its value (from env's own environment, before
// -i or -u take effect, as in GNU env).
func expandSplitStrings(args []string, getenv func(string) string) ([]string, error) {
	args = append([]string(nil), args...)
	expansions := 0
	// replace puts keep and the words of value in place of args[i:i+n].
	replace := func(i, n int, keep []string, value string) error {
		// a variable can hold "-S${ITSELF}": GNU env then loops for
		// ever; we give up
		if expansions++; expansions > maxSplitStrings {
			return errors.New("too many -S expansions")
		}
		words, err := splitString(value, getenv)
		if err != nil {
			return err
		}
		args = slices.Concat(args[:i], keep, words, args[i+n:])
		return nil
	}
	for i := 0; i < len(args); {
		a := args[i]
		if a == "--" || a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		if long, ok := strings.CutPrefix(a, "--"); ok {
			name, value, hasValue := strings.Cut(long, "=")
			switch {
			case name != "" && strings.HasPrefix("split-string", name):
				take := 1
				if !hasValue {
					if i+1 >= len(args) {
						return args, nil // getopt reports the missing argument
					}
					value, take = args[i+1], 2
				}
				if err := replace(i, take, nil, value); err != nil {
					return nil, err
				}
			case !hasValue && name != "" && (strings.HasPrefix("unset", name) || strings.HasPrefix("chdir", name)):
				i += 2 // the option and its argument
			default:
				i++
			}
			continue
		}
		// a cluster of short options: -i0, -u NAME, -uNAME, -iS STRING
		next := i + 1
		for j := 1; j < len(a); j++ {
			c := a[j]
			if c != 'S' && c != 'u' && c != 'C' {
				continue
			}
			value, take := a[j+1:], 1
			if value == "" {
				if i+1 >= len(args) {
					return args, nil // getopt reports the missing argument
				}
				value, take = args[i+1], 2
			}
			next = i + take
			if c != 'S' {
				break
			}
			var flags []string
			if j > 1 {
				flags = []string{a[:j]} // the flags in front of S
			}
			if err := replace(i, take, flags, value); err != nil {
				return nil, err
			}
			next = i + len(flags)
			break
		}
		i = next
	}
	return args, nil
}

// maxSplitStrings bounds the -S strings expanded in one run.
const maxSplitStrings = 1000

// splitString splits s into words by GNU env's -S rules: blanks separate
// words; '...' keeps everything but \\ and \'; "..." and bare text know
// the escapes \f \n \r \t \v \# \$ \" \' \\ and \_ (a space inside
// quotes, a word break outside); \c outside quotes ends the string; a #
// that starts a word starts a comment; ${NAME} is replaced by NAME's value.
func splitString(s string, getenv func(string) string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord := false
	quote := byte(0)
	end := func() {
		if inWord {
			words = append(words, word.String())
			word.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote == 0 && strings.IndexByte(" \t\n\v\f\r", c) >= 0:
			end()
		case quote == 0 && c == '#' && !inWord:
			return words, nil
		case c == '\'' && quote != '"', c == '"' && quote != '\'':
			if quote == 0 {
				quote = c
			} else {
				quote = 0
			}
			inWord = true
		case c == '\\':
			if i+1 == len(s) {
				return nil, errors.New("invalid backslash at end of string in -S")
			}
			i++
			e := s[i]
			if quote == '\'' {
				if e != '\\' && e != '\'' {
					word.WriteByte('\\')
				}
				word.WriteByte(e)
				continue
			}
			switch k := strings.IndexByte("fnrtv", e); {
			case e == 'c':
				if quote == '"' {
					return nil, errors.New(`'\c' must not appear in double-quoted -S string`)
				}
				end()
				return words, nil
			case e == '_' && quote == 0:
				end() // a word break
			case e == '_':
				word.WriteByte(' ')
			case k >= 0:
				word.WriteByte("\f\n\r\t\v"[k])
				inWord = true
			case strings.IndexByte("#$\"'\\", e) >= 0:
				word.WriteByte(e)
				inWord = true
			default:
				return nil, fmt.Errorf("invalid sequence '\\%c' in -S", e)
			}
		case c == '$' && quote != '\'':
			name, ok := varName(s[i:])
			if !ok {
				return nil, fmt.Errorf("only ${VARNAME} expansion is supported, error at: %s", s[i:])
			}
			word.WriteString(getenv(name))
			inWord = true
			i += len(name) + 2 // ${ NAME }: the loop steps past the }
		default:
			word.WriteByte(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, errors.New("no terminating quote in -S string")
	}
	end()
	return words, nil
}

// varName reads ${NAME} at the start of s and returns NAME.
func varName(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "${")
	if !ok {
		return "", false
	}
	n := strings.IndexByte(rest, '}')
	if n <= 0 {
		return "", false
	}
	for k := 0; k < n; k++ {
		c := rest[k]
		if c != '_' && (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') && (k == 0 || c < '0' || c > '9') {
			return "", false
		}
	}
	return rest[:n], true
}
