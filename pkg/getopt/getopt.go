// Package getopt parses command lines the way GNU getopt_long(3) does, from
// one declaration per option that also produces the --help text.
//
// Supported, as in GNU tools: clustered short options (-la), short option
// arguments attached or separate (-m600, -m 600), long options with = or a
// separate argument (--mode=600, --mode 600), optional arguments (only
// attached: -w5, --color=always), unambiguous prefixes of long options
// (--all as --al), "--" to end options, a lone "-" as an operand, and
// options after operands (GNU permutation) unless POSIXLY_CORRECT is set or
// the Spec asks to stop at the first operand (as env and timeout do).
//
// Numeric options such as head -5 or kill -9 are not getopt's business: the
// applets that have them rewrite their arguments before parsing.
package getopt

import (
	"fmt"
	"strings"
)

// ArgKind says whether an option takes an argument.
type ArgKind int

const (
	NoArg       ArgKind = iota // -a, --all
	RequiredArg                // -n NUM, --lines=NUM
	OptionalArg                // --color[=WHEN]: only an attached argument is taken
)

// Option declares one option. Short is 0 when there is no short form, Long
// is "" when there is no long form.
type Option struct {
	Short   rune
	Long    string
	Arg     ArgKind
	ArgName string // shown in --help: "NUM" gives "-n, --lines=NUM"
	Help    string // may hold several lines separated by \n
}

// Key names the option in parse results: its long name if it has one,
// otherwise its short letter.
func (o *Option) Key() string {
	if o.Long != "" {
		return o.Long
	}
	return string(o.Short)
}

// Spec is an applet's command-line grammar and the text of its --help.
type Spec struct {
	Prog    string   // the name in messages: "ls"
	Usage   []string // what follows "Usage: PROG ": "[OPTION]... [FILE]..."
	Summary string   // the paragraph after the usage lines
	Options []Option
	Footer  string // text after the option table
	// StopAtOperand ends option parsing at the first operand, as a '+' at
	// the start of a GNU optstring does (env, nohup, timeout need it).
	StopAtOperand bool
}

// Opt is one parsed option occurrence.
type Opt struct {
	Key    string // Option.Key() of the matched option
	Value  string // its argument; "" when none was given
	HasArg bool   // whether an argument was given (for OptionalArg)
	Name   string // as written: "-n" or "--lines"
}

// Result is the outcome of a parse: options in command-line order, then the
// operands.
type Result struct {
	Opts     []Opt
	Operands []string
}

// Has reports whether the option with key was given at least once.
func (r *Result) Has(key string) bool {
	for _, o := range r.Opts {
		if o.Key == key {
			return true
		}
	}
	return false
}

// Last returns the argument of the last occurrence of key.
func (r *Result) Last(key string) (string, bool) {
	for i := len(r.Opts) - 1; i >= 0; i-- {
		if r.Opts[i].Key == key {
			return r.Opts[i].Value, true
		}
	}
	return "", false
}

// Every Spec accepts --help and --version, as every GNU tool does; they come
// back as options with the keys "help" and "version".
var (
	helpOption    = Option{Long: "help", Help: "display this help and exit"}
	versionOption = Option{Long: "version", Help: "output version information and exit"}
)

// Error is a command-line error, worded as GNU getopt words it. The caller
// prints "PROG: " + Error() and the "Try 'PROG --help'" line.
type Error struct {
	msg string
}

func (e *Error) Error() string { return e.msg }

func errorf(format string, args ...any) error {
	return &Error{msg: fmt.Sprintf(format, args...)}
}

// Parse parses args (without the program name). posixlyCorrect disables
// permutation, as the POSIXLY_CORRECT environment variable does for GNU
// tools.
func (s *Spec) Parse(args []string, posixlyCorrect bool) (*Result, error) {
	r := &Result{}
	permute := !posixlyCorrect && !s.StopAtOperand
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			r.Operands = append(r.Operands, args[i+1:]...)
			return r, nil
		case strings.HasPrefix(arg, "--"):
			n, err := s.parseLong(r, args, i)
			if err != nil {
				return nil, err
			}
			i += n
		case len(arg) > 1 && arg[0] == '-':
			n, err := s.parseShort(r, args, i)
			if err != nil {
				return nil, err
			}
			i += n
		default:
			if !permute {
				r.Operands = append(r.Operands, args[i:]...)
				return r, nil
			}
			r.Operands = append(r.Operands, arg)
		}
	}
	return r, nil
}

// parseLong handles args[i], a "--name[=value]" option, and returns how
// many following arguments it consumed.
func (s *Spec) parseLong(r *Result, args []string, i int) (int, error) {
	name, value, hasValue := strings.Cut(args[i][2:], "=")
	o, err := s.lookupLong(name, args[i])
	if err != nil {
		return 0, err
	}
	opt := Opt{Key: o.Key(), Name: "--" + o.Long}
	switch o.Arg {
	case NoArg:
		if hasValue {
			return 0, errorf("option '--%s' doesn't allow an argument", o.Long)
		}
	case RequiredArg:
		if !hasValue {
			if i+1 >= len(args) {
				return 0, errorf("option '--%s' requires an argument", o.Long)
			}
			opt.Value, opt.HasArg = args[i+1], true
			r.Opts = append(r.Opts, opt)
			return 1, nil
		}
		opt.Value, opt.HasArg = value, true
	case OptionalArg:
		opt.Value, opt.HasArg = value, hasValue
	}
	r.Opts = append(r.Opts, opt)
	return 0, nil
}

// lookupLong finds the option named name exactly, or the only option whose
// name it abbreviates.
// arg is the argument as written, which GNU quotes in its messages.
func (s *Spec) lookupLong(name, arg string) (*Option, error) {
	var matches []*Option
	all := append(s.Options[:len(s.Options):len(s.Options)], helpOption, versionOption)
	for i := range all {
		o := &all[i]
		if o.Long == "" {
			continue
		}
		if o.Long == name {
			return o, nil
		}
		if name != "" && strings.HasPrefix(o.Long, name) {
			matches = append(matches, o)
		}
	}
	switch len(matches) {
	case 0:
		return nil, errorf("unrecognized option '%s'", arg)
	case 1:
		return matches[0], nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "option '%s' is ambiguous; possibilities:", arg)
	for _, o := range matches {
		fmt.Fprintf(&b, " '--%s'", o.Long)
	}
	return nil, &Error{msg: b.String()}
}

// parseShort handles args[i], a cluster of short options, and returns how
// many following arguments it consumed.
func (s *Spec) parseShort(r *Result, args []string, i int) (int, error) {
	cluster := args[i][1:]
	for j, c := range cluster {
		o := s.lookupShort(c)
		if o == nil {
			return 0, errorf("invalid option -- '%c'", c)
		}
		opt := Opt{Key: o.Key(), Name: "-" + string(c)}
		rest := cluster[j+len(string(c)):]
		switch o.Arg {
		case NoArg:
			r.Opts = append(r.Opts, opt)
			continue
		case OptionalArg:
			opt.Value, opt.HasArg = rest, rest != ""
			r.Opts = append(r.Opts, opt)
			return 0, nil
		}
		if rest != "" {
			opt.Value, opt.HasArg = rest, true
			r.Opts = append(r.Opts, opt)
			return 0, nil
		}
		if i+1 >= len(args) {
			return 0, errorf("option requires an argument -- '%c'", c)
		}
		opt.Value, opt.HasArg = args[i+1], true
		r.Opts = append(r.Opts, opt)
		return 1, nil
	}
	return 0, nil
}

func (s *Spec) lookupShort(c rune) *Option {
	for i := range s.Options {
		if s.Options[i].Short == c {
			return &s.Options[i]
		}
	}
	return nil
}

// Help returns the --help text: usage lines, summary, the option table in
// GNU's layout, and the footer.
func (s *Spec) Help() string {
	var b strings.Builder
	for i, u := range s.Usage {
		if i == 0 {
			fmt.Fprintf(&b, "Usage: %s %s\n", s.Prog, u)
		} else {
			fmt.Fprintf(&b, "  or:  %s %s\n", s.Prog, u)
		}
	}
	if len(s.Usage) == 0 {
		fmt.Fprintf(&b, "Usage: %s\n", s.Prog)
	}
	if s.Summary != "" {
		b.WriteString(strings.TrimRight(s.Summary, "\n") + "\n")
	}
	b.WriteString("\n")
	for _, o := range s.Options {
		left := "  "
		if o.Short != 0 {
			left += "-" + string(o.Short)
			if o.Long != "" {
				left += ", "
			}
		} else {
			left += "    "
		}
		if o.Long != "" {
			left += "--" + o.Long
		}
		switch o.Arg {
		case RequiredArg:
			if o.Long != "" {
				left += "=" + o.ArgName
			} else {
				left += " " + o.ArgName
			}
		case OptionalArg:
			left += "[=" + o.ArgName + "]"
		}
		lines := strings.Split(o.Help, "\n")
		const col = 29 // where GNU --help texts start the descriptions
		if len(left) >= col-1 {
			b.WriteString(left + "\n")
			left = ""
		}
		for k, l := range lines {
			if k > 0 {
				left = ""
			}
			fmt.Fprintf(&b, "%-*s%s\n", col, left, l)
		}
	}
	fmt.Fprintf(&b, "%-*s%s\n", 29, "      --help", "display this help and exit")
	fmt.Fprintf(&b, "%-*s%s\n", 29, "      --version", "output version information and exit")
	if s.Footer != "" {
		b.WriteString("\n" + strings.TrimRight(s.Footer, "\n") + "\n")
	}
	return b.String()
}
