package quote

import (
	"strings"

	"github.com/zinebox/zinebox/pkg/execpath"
)

// Quoter quotes names and arguments in diagnostics the way GNU coreutils
// does, so that our messages match GNU's byte for byte:
// `chmod: cannot access 'a b': No such file or directory`,
// `mode of "it's" retained`, a newline as $'\n'. gnulib uses the same
// quotearg engine for ls's styles and for its messages, and so do we: each
// method is one of the styles above with the options gnulib's helper sets.
//
// Three helpers are used by the tools:
//   - Always (GNU's quoteaf): shell-escape-always, for file names in most
//     messages.
//   - Shell and ShellColon (GNU's quotef): shell-escape, names that need
//     no quoting stay bare; the colon form also quotes names with ':'.
//   - Locale (GNU's quote): 'x' with C backslash escapes, for non-file
//     arguments such as an invalid mode.
type Quoter struct {
	UTF8 bool // bytes of printable UTF-8 characters are printed as they are
}

// ForEnv returns the Quoter for an environment: UTF-8 when the effective
// LC_CTYPE (LC_ALL, then LC_CTYPE, then LANG) names a UTF-8 codeset.
func ForEnv(env []string) Quoter {
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v, _ := execpath.Getenv(env, name); v != "" {
			l := strings.ToLower(v)
			return Quoter{UTF8: strings.Contains(l, "utf-8") || strings.Contains(l, "utf8")}
		}
	}
	return Quoter{}
}

func (q Quoter) quote(s string, style Style, extra byte) string {
	o := Options{Style: style, UTF8: q.UTF8}
	if extra != 0 {
		o.SetExtra(extra)
	}
	return string(o.Append(nil, s))
}

// Always quotes s as GNU's quoteaf does (shell-escape-always style).
func (q Quoter) Always(s string) string { return q.quote(s, ShellEscapeAlways, 0) }

// Shell quotes s only if it needs it (GNU's quotef without the colon).
func (q Quoter) Shell(s string) string { return q.quote(s, ShellEscape, 0) }

// ShellColon is Shell that also quotes names with ':' (GNU's quotef, used
// where the name is followed by ": message").
func (q Quoter) ShellColon(s string) string { return q.quote(s, ShellEscape, ':') }

// Locale quotes s as GNU's quote() does in the C and UTF-8 locales: in
// apostrophes (‘ and ’ under UTF-8), with backslash escapes for \,
// unprintable bytes and the closing quote.
func (q Quoter) Locale(s string) string { return q.quote(s, Locale, 0) }
