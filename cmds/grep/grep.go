// Package grep implements grep(1) for the teaching machine: print lines
// that match patterns, with GNU grep's common options, messages and exit
// statuses (0 a line was selected, 1 none was, 2 an error).
//
// Patterns are basic (BRE, the default), extended (-E) or fixed strings
// (-F). They are compiled with Go's regexp package (RE2) after
// translating BRE syntax, so back-references (\1) are not supported: such
// a pattern is reported as an error rather than matched wrongly.
package grep

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	goio "io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed grep.1
var manPage string

var Applet = applet.Applet{
	Name:    "grep",
	Summary: "print lines that match patterns",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "grep",
	Usage:   []string{"[OPTION]... PATTERNS [FILE]..."},
	Summary: "Search for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\nPATTERNS can contain multiple patterns separated by newlines.",
	Options: []getopt.Option{
		{Short: 'E', Long: "extended-regexp", Help: "PATTERNS are extended regular expressions"},
		{Short: 'F', Long: "fixed-strings", Help: "PATTERNS are strings"},
		{Short: 'G', Long: "basic-regexp", Help: "PATTERNS are basic regular expressions"},
		{Short: 'e', Long: "regexp", Arg: getopt.RequiredArg, ArgName: "PATTERNS", Help: "use PATTERNS for matching"},
		{Short: 'f', Long: "file", Arg: getopt.RequiredArg, ArgName: "FILE", Help: "take PATTERNS from FILE"},
		{Short: 'i', Long: "ignore-case", Help: "ignore case distinctions in patterns and data"},
		{Short: 'y', Help: "obsolete synonym for -i"},
		{Short: 'w', Long: "word-regexp", Help: "match only whole words"},
		{Short: 'x', Long: "line-regexp", Help: "match only whole lines"},
		{Short: 'v', Long: "invert-match", Help: "select non-matching lines"},
		{Short: 'c', Long: "count", Help: "print only a count of selected lines per FILE"},
		{Short: 'l', Long: "files-with-matches", Help: "print only names of FILEs with selected lines"},
		{Short: 'L', Long: "files-without-match", Help: "print only names of FILEs with no selected lines"},
		{Short: 'o', Long: "only-matching", Help: "show only nonempty parts of lines that match"},
		{Short: 'q', Long: "quiet", Help: "suppress all normal output"},
		{Long: "silent", Help: "same as --quiet"},
		{Short: 's', Long: "no-messages", Help: "suppress error messages"},
		{Short: 'n', Long: "line-number", Help: "print line number with output lines"},
		{Short: 'H', Long: "with-filename", Help: "print file name with output lines"},
		{Short: 'h', Long: "no-filename", Help: "suppress the file name prefix on output"},
		{Short: 'm', Long: "max-count", Arg: getopt.RequiredArg, ArgName: "NUM", Help: "stop after NUM selected lines"},
		{Short: 'r', Long: "recursive", Help: "search directories recursively"},
		{Short: 'R', Long: "dereference-recursive", Help: "likewise, but follow all symlinks"},
		{Short: 'a', Long: "text", Help: "process a binary file as if it were text"},
		{Long: "color", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "accepted for compatibility; never colours"},
		{Long: "colour", Arg: getopt.OptionalArg, ArgName: "WHEN", Help: "same as --color"},
	},
	Footer: "When FILE is '-', read standard input.  With no FILE, read '.' if\nrecursive; otherwise, '-'.\nExit status is 0 if any line is selected, 1 otherwise;\nif any error occurs and -q is not given, the exit status is 2.",
}

type options struct {
	invert, count, filesWith, filesWithout, only, quiet, noMessages bool
	lineNumbers, recursive, text                                    bool
	deref                                                           bool // -R: follow symlinks met in the tree too
	names                                                           int  // -1 never, 1 always, 0 when several files
	maxCount                                                        int  // -1: no limit
}

// matcher finds matches in a line.
type matcher struct {
	re *regexp.Regexp
}

func run(io *applet.IO, args []string) int {
	_, posix := io.LookupEnv("POSIXLY_CORRECT")
	if _, err := spec.Parse(args, posix); err != nil {
		// GNU grep puts its usage line between the error and the hint.
		io.Errorf("%s", err)
		fmt.Fprintf(io.Stderr, "Usage: %s [OPTION]... PATTERNS [FILE]...\n", io.Name)
		return io.TryHelp(2)
	}
	r, done, status := io.Parse(&spec, args, 2)
	if done {
		return status
	}
	o := options{maxCount: -1}
	syntax := 'G'
	var patterns []string
	havePatterns := false
	ignoreCase, word, line := false, false, false
	for _, opt := range r.Opts {
		switch opt.Key {
		case "extended-regexp":
			syntax = 'E'
		case "fixed-strings":
			syntax = 'F'
		case "basic-regexp":
			syntax = 'G'
		case "regexp":
			patterns = append(patterns, strings.Split(opt.Value, "\n")...)
			havePatterns = true
		case "file":
			data, err := readFile(io, opt.Value)
			if err != nil {
				io.Errorf("%s: %s", opt.Value, errno.Message(err))
				return 2
			}
			text := strings.TrimSuffix(string(data), "\n")
			if text != "" || len(data) > 0 {
				patterns = append(patterns, strings.Split(text, "\n")...)
			}
			havePatterns = true
		case "ignore-case", "y":
			ignoreCase = true
		case "word-regexp":
			word = true
		case "line-regexp":
			line = true
		case "invert-match":
			o.invert = true
		case "count":
			o.count = true
		case "files-with-matches":
			o.filesWith = true
		case "files-without-match":
			o.filesWithout = true
		case "only-matching":
			o.only = true
		case "quiet", "silent":
			o.quiet = true
		case "no-messages":
			o.noMessages = true
		case "line-number":
			o.lineNumbers = true
		case "with-filename":
			o.names = 1
		case "no-filename":
			o.names = -1
		case "recursive":
			o.recursive = true
		case "dereference-recursive":
			o.recursive, o.deref = true, true
		case "text":
			o.text = true
		case "max-count":
			var n int
			if _, err := fmt.Sscan(opt.Value, &n); err != nil {
				io.Errorf("invalid max count")
				return 2
			}
			o.maxCount = n
		}
	}
	files := r.Operands
	if !havePatterns {
		if len(files) == 0 {
			fmt.Fprintf(io.Stderr, "Usage: %s [OPTION]... PATTERNS [FILE]...\n", io.Name)
			return io.TryHelp(2)
		}
		patterns = strings.Split(files[0], "\n")
		files = files[1:]
	}
	m, err := compile(patterns, syntax, ignoreCase, word, line)
	if err != nil {
		io.Errorf("%s", err)
		return 2
	}
	// GNU grep -r with no operand searches "." and names what it finds
	// without "./"; with one operand, names show only for what was
	// found inside a directory.
	noOperand := len(files) == 0
	if noOperand {
		files = []string{"-"}
		if o.recursive {
			files = []string{"."}
		}
	}
	if o.names == 0 && len(files) > 1 {
		o.names = 1
	}
	matched, failed := false, false
	for _, name := range files {
		display := name
		if noOperand {
			display = ""
		}
		ok, err := searchOperand(io, &o, m, name, display)
		if err != nil {
			if o.quiet && ok {
				return 0
			}
			failed = true
		}
		matched = matched || ok
		if matched && o.quiet {
			return 0
		}
	}
	switch {
	case failed && !(o.quiet && matched):
		return 2
	case matched:
		return 0
	}
	return 1
}

func readFile(io *applet.IO, name string) ([]byte, error) {
	f, err := io.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	_, err = b.ReadFrom(f)
	return b.Bytes(), err
}

// compile joins the patterns into one regular expression.
func compile(patterns []string, syntax rune, ignoreCase, word, line bool) (*matcher, error) {
	var parts []string
	for _, p := range patterns {
		switch syntax {
		case 'F':
			p = regexp.QuoteMeta(p)
		case 'G':
			var err error
			if p, err = BREToERE(p); err != nil {
				return nil, err
			}
		default:
			if err := checkERE(p); err != nil {
				return nil, err
			}
		}
		parts = append(parts, "(?:"+p+")")
	}
	expr := strings.Join(parts, "|")
	switch {
	case line:
		expr = "^(?:" + expr + ")$"
	case word:
		// RE2 has \b; GNU's -w means the match is not preceded or followed
		// by a word constituent, which \b expresses for non-empty matches.
		expr = `\b(?:` + expr + `)\b`
	}
	if ignoreCase {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, errors.New("invalid regular expression: " + err.Error())
	}
	return &matcher{re: re}, nil
}

// checkERE rejects what RE2 would read differently from POSIX ERE:
// back-references.
func checkERE(p string) error {
	for i := 0; i+1 < len(p); i++ {
		if p[i] == '\\' {
			if p[i+1] >= '1' && p[i+1] <= '9' {
				return errors.New("back-references are not supported")
			}
			i++
		}
	}
	return nil
}

// BREToERE translates a POSIX basic regular expression into the ERE
// syntax Go's regexp reads: in a BRE, \( \) \{ \} \| \+ \? are the
// operators and ( ) { } | + ? are plain characters; * at the start of the
// pattern or of a group is a plain character too.
func BREToERE(p string) (string, error) {
	var b strings.Builder
	atStart := true
	inBracket := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if inBracket {
			b.WriteByte(c)
			if c == ']' && !(p[i-1] == '[' || (p[i-1] == '^' && p[i-2] == '[')) {
				inBracket = false
			}
			continue
		}
		switch c {
		case '\\':
			if i+1 == len(p) {
				return "", errors.New("trailing backslash (\\)")
			}
			i++
			switch n := p[i]; {
			case strings.IndexByte("(){}|+?", n) >= 0:
				b.WriteByte(n)
				atStart = n == '(' || n == '|'
				continue
			case n >= '1' && n <= '9':
				return "", errors.New("back-references are not supported")
			default:
				b.WriteByte('\\')
				b.WriteByte(n)
			}
		case '(', ')', '{', '}', '|', '+', '?':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '*':
			if atStart {
				b.WriteString(`\*`)
			} else {
				b.WriteByte('*')
			}
		case '[':
			inBracket = true
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		atStart = c == '^' && b.Len() == 1
	}
	return b.String(), nil
}

// searchOperand searches a file operand, or a tree with -r; display is
// the name it goes by in the output.
func searchOperand(io *applet.IO, o *options, m *matcher, name, display string) (bool, error) {
	if name == "-" {
		return search(io, o, m, io.Stdin, "(standard input)")
	}
	path := io.Path(name)
	st, err := os.Stat(path) // a symbolic link named on the command line is followed, even with -r
	if err != nil {
		return false, report(io, o, name, err)
	}
	if !st.IsDir() {
		return searchFile(io, o, m, path, name)
	}
	if !o.recursive {
		return false, report(io, o, name, errors.New("Is a directory"))
	}
	inner := *o
	if inner.names == 0 {
		inner.names = 1 // files found in a tree are always named
	}
	return searchTree(io, &inner, m, path, display, []fileID{idOf(st)})
}

// fileID is a file's device and inode: how a directory loop is seen.
type fileID struct{ dev, ino uint64 }

func idOf(st fs.FileInfo) fileID {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return fileID{uint64(sys.Dev), sys.Ino}
	}
	return fileID{}
}

// searchTree searches what lies under the directory dir, depth first and
// in the order the directory lists its entries, as GNU grep's fts walk
// does (it does not sort). Symbolic links are skipped, or followed with
// -R; devices, FIFOs and sockets met on the way are skipped. ancestors
// are the directories above and including dir: meeting one again is a
// loop, which GNU grep reports as a warning and steps over.
func searchTree(io *applet.IO, o *options, m *matcher, dir, display string, ancestors []fileID) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, report(io, o, displayOrDot(display), err)
	}
	entries, err := f.ReadDir(-1) // directory order, unlike os.ReadDir
	f.Close()
	var firstErr error
	if err != nil {
		firstErr = report(io, o, displayOrDot(display), err)
	}
	matched := false
	note := func(ok bool, err error) {
		matched = matched || ok
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	for _, e := range entries {
		path, shown := joinName(dir, e.Name()), joinName(display, e.Name())
		typ := e.Type()
		var st fs.FileInfo
		if typ&fs.ModeSymlink != 0 {
			if !o.deref {
				continue
			}
			if st, err = os.Stat(path); err != nil {
				note(false, report(io, o, shown, err))
				continue
			}
			typ = st.Mode().Type()
		}
		switch {
		case typ.IsDir():
			if st == nil {
				if st, err = os.Lstat(path); err != nil {
					note(false, report(io, o, shown, err))
					continue
				}
			}
			id := idOf(st)
			if slices.Contains(ancestors, id) {
				if !o.noMessages {
					io.Errorf("%s: warning: recursive directory loop", shown)
				}
				continue
			}
			note(searchTree(io, o, m, path, shown, append(ancestors, id)))
		case typ.IsRegular():
			note(searchFile(io, o, m, path, shown))
		}
	}
	return matched, firstErr
}

// joinName puts name under dir as fts does: no second slash after a
// trailing one, and nothing before it when dir is "" (grep -r with no
// operand).
func joinName(dir, name string) string {
	switch {
	case dir == "":
		return name
	case strings.HasSuffix(dir, "/"):
		return dir + name
	}
	return dir + "/" + name
}

func displayOrDot(display string) string {
	if display == "" {
		return "."
	}
	return display
}

func searchFile(io *applet.IO, o *options, m *matcher, path, display string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, report(io, o, display, err)
	}
	defer f.Close()
	return search(io, o, m, f, display)
}

func report(io *applet.IO, o *options, name string, err error) error {
	if !o.noMessages {
		io.Errorf("%s: %s", name, errno.Message(err))
	}
	return err
}

// search reads lines from r and prints what the options ask for.
func search(io *applet.IO, o *options, m *matcher, r goio.Reader, name string) (bool, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	w := io.Stdout
	selected := 0
	binary := false
	for lineNo := 1; o.maxCount < 0 || selected < o.maxCount; lineNo++ {
		line, err := br.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err != goio.EOF {
				return selected > 0, report(io, o, name, err)
			}
			break
		}
		text := bytes.TrimSuffix(line, []byte{'\n'})
		if !o.text && bytes.IndexByte(text, 0) >= 0 {
			binary = true
		}
		if m.re.Match(text) == o.invert {
			continue
		}
		selected++
		if o.quiet {
			return true, nil
		}
		if o.count || o.filesWith || o.filesWithout || binary {
			if o.filesWith && !binary {
				break
			}
			continue
		}
		prefix := ""
		if o.names == 1 {
			prefix = name + ":"
		}
		if o.lineNumbers {
			prefix += fmt.Sprint(lineNo) + ":"
		}
		if o.only {
			if o.invert {
				continue
			}
			for _, loc := range m.re.FindAllIndex(text, -1) {
				if loc[1] > loc[0] {
					fmt.Fprintf(w, "%s%s\n", prefix, text[loc[0]:loc[1]])
				}
			}
			continue
		}
		w.WriteString(prefix)
		w.Write(text)
		w.WriteByte('\n')
	}
	switch {
	case o.count:
		if o.names == 1 {
			fmt.Fprintf(w, "%s:", name)
		}
		fmt.Fprintf(w, "%d\n", selected)
	case o.filesWith:
		if selected > 0 {
			fmt.Fprintln(w, name)
		}
	case o.filesWithout:
		if selected == 0 {
			fmt.Fprintln(w, name)
		}
	case binary && selected > 0 && !o.quiet:
		io.Errorf("%s: binary file matches", name)
	}
	if err := w.Err(); err != nil {
		return selected > 0, err
	}
	return selected > 0, nil
}
