// Package tr implements tr(1) as GNU coreutils does in the C locale:
// translate, squeeze and delete bytes.
package tr

import (
	_ "embed"
	"fmt"
	goio "io"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed tr.1
var manPage string

var Applet = applet.Applet{
	Name:    "tr",
	Summary: "translate or delete characters",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "tr",
	Usage: []string{"[OPTION]... STRING1 [STRING2]"},
	Summary: `Translate, squeeze, and/or delete characters from standard input,
writing to standard output.  STRING1 and STRING2 specify arrays of
characters ARRAY1 and ARRAY2 that control the action.`,
	Options: []getopt.Option{
		{Short: 'c', Long: "complement", Help: "use the complement of ARRAY1"},
		{Short: 'C', Help: "same as -c"},
		{Short: 'd', Long: "delete", Help: "delete characters in ARRAY1, do not translate"},
		{Short: 's', Long: "squeeze-repeats", Help: "replace each sequence of a repeated character\n  that is listed in the last specified ARRAY,\n  with a single occurrence of that character"},
		{Short: 't', Long: "truncate-set1", Help: "first truncate ARRAY1 to length of ARRAY2"},
	},
	Footer: `ARRAYs are specified as strings of characters.  Most represent themselves.
Interpreted sequences are \NNN (octal), \\ \a \b \f \n \r \t \v,
CHAR1-CHAR2, [CHAR*], [CHAR*REPEAT], [:alnum:] [:alpha:] [:blank:]
[:cntrl:] [:digit:] [:graph:] [:lower:] [:print:] [:punct:] [:space:]
[:upper:] [:xdigit:], and [=CHAR=].`,
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	var complement, del, squeeze, truncate bool
	for _, o := range r.Opts {
		switch o.Key {
		case "complement", "C":
			complement = true
		case "delete":
			del = true
		case "squeeze-repeats":
			squeeze = true
		case "truncate-set1":
			truncate = true
		}
	}
	ops := r.Operands
	translating := !del && len(ops) >= 2
	switch {
	case len(ops) == 0:
		return io.UsageError(1, "missing operand")
	case len(ops) == 1 && !del && !squeeze:
		io.Errorf("missing operand after '%s'", ops[0])
		fmt.Fprintf(io.Stderr, "Two strings must be given when translating.\n")
		return io.TryHelp(1)
	case len(ops) == 2 && del && !squeeze:
		io.Errorf("extra operand '%s'", ops[1])
		fmt.Fprintf(io.Stderr, "Only one string may be given when deleting without squeezing repeats.\n")
		return io.TryHelp(1)
	case len(ops) > 2:
		return io.UsageError(1, "extra operand '%s'", ops[2])
	}
	set1, err := expand(ops[0])
	if err != nil {
		io.Errorf("%s", err)
		return 1
	}
	if complement {
		set1 = complementOf(set1)
	}
	var set2 []byte
	if len(ops) == 2 {
		if set2, err = expand(ops[1]); err != nil {
			io.Errorf("%s", err)
			return 1
		}
	}
	var table [256]int // -1: delete; otherwise the byte to write
	for i := range table {
		table[i] = i
	}
	switch {
	case del:
		for _, c := range set1 {
			table[c] = -1
		}
	case translating:
		if len(set2) == 0 {
			io.Errorf("when not truncating set1, string2 must be non-empty")
			return 1
		}
		if truncate && len(set1) > len(set2) {
			set1 = set1[:len(set2)]
		}
		for i, c := range set1 {
			j := min(i, len(set2)-1)
			table[c] = int(set2[j])
		}
	}
	var squeezeSet [256]bool
	if squeeze {
		last := set1
		if len(ops) == 2 {
			last = set2
		}
		for _, c := range last {
			squeezeSet[c] = true
		}
	}
	return filter(io, &table, &squeezeSet, squeeze)
}

func filter(io *applet.IO, table *[256]int, squeezeSet *[256]bool, squeeze bool) int {
	in := make([]byte, 64<<10)
	out := make([]byte, 0, 64<<10)
	prev := -1
	for {
		n, rerr := io.Stdin.Read(in)
		out = out[:0]
		for _, c := range in[:n] {
			t := table[c]
			if t < 0 {
				continue
			}
			if squeeze && t == prev && squeezeSet[t] {
				continue
			}
			out = append(out, byte(t))
			prev = t
		}
		if _, err := io.Stdout.Write(out); err != nil {
			return io.WriteFailed(err)
		}
		if rerr == goio.EOF {
			return 0
		}
		if rerr != nil {
			io.Errorf("read error: %s", rerr)
			return 1
		}
	}
}

func complementOf(set []byte) []byte {
	var in [256]bool
	for _, c := range set {
		in[c] = true
	}
	var out []byte
	for c := range 256 {
		if !in[c] {
			out = append(out, byte(c))
		}
	}
	return out
}

// classes are the [:name:] sets in the C locale.
func class(name string) ([]byte, bool) {
	test := map[string]func(c byte) bool{
		"alnum":  func(c byte) bool { return isAlpha(c) || isDigit(c) },
		"alpha":  isAlpha,
		"blank":  func(c byte) bool { return c == ' ' || c == '\t' },
		"cntrl":  func(c byte) bool { return c < 32 || c == 127 },
		"digit":  isDigit,
		"graph":  func(c byte) bool { return c > 32 && c < 127 },
		"lower":  func(c byte) bool { return c >= 'a' && c <= 'z' },
		"print":  func(c byte) bool { return c >= 32 && c < 127 },
		"punct":  func(c byte) bool { return c > 32 && c < 127 && !isAlpha(c) && !isDigit(c) },
		"space":  func(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') },
		"upper":  func(c byte) bool { return c >= 'A' && c <= 'Z' },
		"xdigit": func(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') },
	}[name]
	if test == nil {
		return nil, false
	}
	var out []byte
	for c := range 256 {
		if test(byte(c)) {
			out = append(out, byte(c))
		}
	}
	return out, true
}

func isAlpha(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// expand turns a tr string into its array of bytes.
func expand(s string) ([]byte, error) {
	var out []byte
	i := 0
	// next reads one possibly escaped character.
	next := func() byte {
		c := s[i]
		i++
		if c != '\\' || i == len(s) {
			return c
		}
		e := s[i]
		i++
		switch e {
		case 'a':
			return '\a'
		case 'b':
			return '\b'
		case 'f':
			return '\f'
		case 'n':
			return '\n'
		case 'r':
			return '\r'
		case 't':
			return '\t'
		case 'v':
			return '\v'
		}
		if e >= '0' && e <= '7' {
			v := int(e - '0')
			for k := 0; k < 2 && i < len(s) && s[i] >= '0' && s[i] <= '7' && v*8+int(s[i]-'0') < 256; k++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			return byte(v)
		}
		return e
	}
	for i < len(s) {
		if s[i] == '[' && i+1 < len(s) {
			if end := strings.Index(s[i:], ":]"); s[i+1] == ':' && end > 0 {
				name := s[i+2 : i+end]
				set, ok := class(name)
				if !ok {
					return nil, fmt.Errorf("invalid character class '%s'", name)
				}
				out = append(out, set...)
				i += end + 2
				continue
			}
			if end := strings.Index(s[i:], "=]"); s[i+1] == '=' && end == 3 {
				out = append(out, s[i+2])
				i += 5
				continue
			}
			// [c*n]: c repeated n times ([c*] or [c*0]: as often as needed).
			save := i
			i++
			c := next()
			if j := strings.IndexByte(s[i:], ']'); i < len(s) && s[i] == '*' && j > 0 {
				n := 0
				if count := s[i+1 : i+j]; count != "" {
					if _, err := fmt.Sscan(count, &n); err != nil || n < 0 {
						return nil, fmt.Errorf("invalid repeat count '%s' in [c*n] construct", count)
					}
				}
				for k := 0; k < max(n, 1); k++ {
					out = append(out, c)
				}
				i += j + 1
				continue
			}
			i = save
		}
		c := next()
		if i+1 < len(s) && s[i] == '-' {
			i++
			hi := next()
			if hi < c {
				return nil, fmt.Errorf("range-endpoints of '%c-%c' are in reverse collating sequence order", c, hi)
			}
			for x := int(c); x <= int(hi); x++ {
				out = append(out, byte(x))
			}
			continue
		}
		out = append(out, c)
	}
	return out, nil
}
