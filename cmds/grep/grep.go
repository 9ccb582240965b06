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
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
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
		{Short: 'b', Long: "byte-offset", Help: "print the byte offset with output lines"},
		{Short: 'Z', Long: "null", Help: "print 0 byte after FILE name"},
		{Long: "line-buffered", Help: "flush output on every line"},
		{Short: 'B', Long: "before-context", Arg: getopt.RequiredArg, ArgName: "NUM", Help: "print NUM lines of leading context"},
		{Short: 'A', Long: "after-context", Arg: getopt.RequiredArg, ArgName: "NUM", Help: "print NUM lines of trailing context"},
		{Short: 'C', Long: "context", Arg: getopt.RequiredArg, ArgName: "NUM", Help: "print NUM lines of output context"},
		{Long: "group-separator", Arg: getopt.RequiredArg, ArgName: "SEP", Help: "print SEP on line between matches with context"},
		{Long: "no-group-separator", Help: "do not print separator for matches with context"},
		{Long: "include", Arg: getopt.RequiredArg, ArgName: "GLOB", Help: "search only files that match GLOB (a file pattern)"},
		{Long: "exclude", Arg: getopt.RequiredArg, ArgName: "GLOB", Help: "skip files that match GLOB"},
		{Long: "exclude-dir", Arg: getopt.RequiredArg, ArgName: "GLOB", Help: "skip directories that match GLOB"},
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
	byteOffset, null, lineBuffered                                  bool

	// Context (-A, -B, -C): how many lines to show after and before
	// each selected line, -1 when not asked for. Asking, even for 0,
	// puts groupSep between groups that do not touch, unless it is
	// turned off (--no-group-separator).
	after, before int
	groupSep      string
	noGroupSep    bool
	out           *outState // shared by the copies made for -r trees

	fileGlobs []fileGlob // --include and --exclude, in order
	dirGlobs  []string   // --exclude-dir
}

// fileGlob is an --include (include set) or --exclude pattern.
type fileGlob struct {
	glob    string
	include bool
}

// skipFile applies --include and --exclude as GNU grep does: the last
// pattern that matches decides; when none matches, the file is skipped
// only if the first of them is an --include. A file found in a tree is
// matched by its base name, one named on the command line by any of its
// name suffixes (the whole name, or what follows a slash).
func (o *options) skipFile(name string, commandLine bool) bool {
	if len(o.fileGlobs) == 0 {
		return false
	}
	skip := o.fileGlobs[0].include
	for _, g := range o.fileGlobs {
		if globMatches(g.glob, name, commandLine) {
			skip = !g.include
		}
	}
	return skip
}

// skipDir applies --exclude-dir, with the same matching as skipFile.
func (o *options) skipDir(name string, commandLine bool) bool {
	for _, g := range o.dirGlobs {
		if globMatches(g, name, commandLine) {
			return true
		}
	}
	return false
}

func globMatches(glob, name string, suffixes bool) bool {
	for {
		if ok, _ := path.Match(glob, name); ok {
			return true
		}
		i := strings.IndexByte(name, '/')
		if !suffixes || i < 0 {
			return false
		}
		name = strings.TrimLeft(name[i:], "/")
		if name == "" {
			return false
		}
	}
}

// outState is what grep remembers across files: whether it has printed
// a line yet (the group separator goes only between groups).
type outState struct{ used bool }

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
	o := options{maxCount: -1, after: -1, before: -1, groupSep: "--", out: &outState{}}
	context := -1 // -C: the default for -A and -B
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
		case "byte-offset":
			o.byteOffset = true
		case "null":
			o.null = true
		case "line-buffered":
			o.lineBuffered = true
		case "after-context", "before-context", "context":
			n, ok := contextLength(opt.Value)
			if !ok {
				io.Errorf("%s: invalid context length argument", opt.Value)
				return 2
			}
			switch opt.Key {
			case "after-context":
				o.after = n
			case "before-context":
				o.before = n
			default:
				context = n
			}
		case "group-separator":
			o.groupSep, o.noGroupSep = opt.Value, false
		case "no-group-separator":
			o.noGroupSep = true
		case "include", "exclude":
			o.fileGlobs = append(o.fileGlobs, fileGlob{opt.Value, opt.Key == "include"})
		case "exclude-dir":
			o.dirGlobs = append(o.dirGlobs, opt.Value)
		case "max-count":
			var n int
			if _, err := fmt.Sscan(opt.Value, &n); err != nil {
				io.Errorf("invalid max count")
				return 2
			}
			o.maxCount = n
		}
	}
	// -A and -B win over -C, whatever their order (GNU)
	if o.after < 0 {
		o.after = context
	}
	if o.before < 0 {
		o.before = context
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
		if o.skipFile(name, true) {
			return false, nil
		}
		return searchFile(io, o, m, path, name)
	}
	if !o.recursive {
		return false, report(io, o, name, errors.New("Is a directory"))
	}
	if display != "" && o.skipDir(name, true) {
		return false, nil
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
			if o.skipDir(e.Name(), false) {
				continue
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
			if !o.skipFile(e.Name(), false) {
				note(searchFile(io, o, m, path, shown))
			}
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
	p := &printer{o: o, w: io.Stdout, file: name, last: -1}
	// before holds the lines read since the last one printed, as many
	// as -B asks for, ready to be shown as leading context.
	var before []contextLine
	afterLeft := 0 // lines still to show as trailing context
	selected := 0
	// A NUL in what GNU grep reads first (32 KiB) makes the whole file
	// binary, even the lines before it; later NULs count from their line.
	head, _ := br.Peek(32 << 10)
	binary := !o.text && bytes.IndexByte(head, 0) >= 0
	offset := int64(0)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if len(line) == 0 && err != nil {
			if err != goio.EOF {
				return selected > 0, report(io, o, name, err)
			}
			break
		}
		start := offset
		offset += int64(len(line))
		text := bytes.TrimSuffix(line, []byte{'\n'})
		if !o.text && bytes.IndexByte(text, 0) >= 0 {
			binary = true
		}
		done := o.maxCount >= 0 && selected >= o.maxCount
		if done || m.re.Match(text) == o.invert {
			// after -m's last line, only its trailing context is left
			if done && afterLeft == 0 {
				break
			}
			switch {
			case afterLeft > 0:
				afterLeft--
				if !binary {
					p.context(text, lineNo, start)
				}
			case o.before > 0:
				// text is ours to keep: ReadBytes returns a new slice
				if len(before) == o.before {
					before = append(before[:0], before[1:]...)
				}
				before = append(before, contextLine{text, lineNo, start})
			}
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
		for _, c := range before {
			p.context(c.text, c.no, c.offset)
		}
		before = before[:0]
		afterLeft = max(o.after, 0)
		p.selected(m, text, lineNo, start)
	}
	w := io.Stdout
	switch {
	case o.count:
		if o.names == 1 {
			p.name(':')
		}
		fmt.Fprintf(w, "%d\n", selected)
	case o.filesWith:
		if selected > 0 {
			p.fileName()
		}
	case o.filesWithout:
		if selected == 0 {
			p.fileName()
		}
	case binary && selected > 0 && !o.quiet:
		io.Errorf("%s: binary file matches", name)
	}
	if err := w.Err(); err != nil {
		return selected > 0, err
	}
	return selected > 0, nil
}

// contextLine is a line kept for -B.
type contextLine struct {
	text   []byte
	no     int
	offset int64
}

// printer writes the lines of one file with GNU grep's prefixes: the
// file name, line number and byte offset, each followed by ':' on a
// selected line and '-' on a context line (or by a NUL after the name,
// with -Z), and the group separator where a group does not follow on
// from the last line printed.
type printer struct {
	o    *options
	w    *stdio.Writer
	file string
	last int // number of the last line printed from this file; -1: none
}

// selected prints a selected line, or with -o its matching parts.
func (p *printer) selected(m *matcher, text []byte, no int, offset int64) {
	p.separate(no)
	if !p.o.only {
		p.prefix(':', no, offset)
		p.w.Write(text)
		p.endLine()
		return
	}
	if p.o.invert {
		return // the lines selected are those without a match
	}
	for _, loc := range m.re.FindAllIndex(text, -1) {
		if loc[1] > loc[0] {
			p.prefix(':', no, offset+int64(loc[0]))
			p.w.Write(text[loc[0]:loc[1]])
			p.endLine()
		}
	}
}

// context prints a line of context; with -o it is not shown, but it
// still joins groups as GNU grep counts them.
func (p *printer) context(text []byte, no int, offset int64) {
	p.separate(no)
	if p.o.only {
		return
	}
	p.prefix('-', no, offset)
	p.w.Write(text)
	p.endLine()
}

// separate prints the group separator before line no when context was
// asked for, something was printed before, and line no does not follow
// the last line printed from this file.
func (p *printer) separate(no int) {
	if (p.o.after >= 0 || p.o.before >= 0) && !p.o.noGroupSep && p.o.out.used && p.last != no-1 {
		p.w.WriteString(p.o.groupSep)
		p.w.WriteByte('\n')
	}
	p.last = no
	p.o.out.used = true
}

func (p *printer) prefix(sep byte, no int, offset int64) {
	if p.o.names == 1 {
		p.name(sep)
	}
	if p.o.lineNumbers {
		p.w.WriteString(strconv.Itoa(no))
		p.w.WriteByte(sep)
	}
	if p.o.byteOffset {
		p.w.WriteString(strconv.FormatInt(offset, 10))
		p.w.WriteByte(sep)
	}
}

// name writes the file name and what follows it: sep, or a NUL with -Z.
func (p *printer) name(sep byte) {
	p.w.WriteString(p.file)
	if p.o.null {
		sep = 0
	}
	p.w.WriteByte(sep)
}

// fileName is a line of -l or -L: the name, ended by a newline or NUL.
func (p *printer) fileName() {
	p.w.WriteString(p.file)
	if p.o.null {
		p.w.WriteByte(0)
		return
	}
	p.endLine()
}

func (p *printer) endLine() {
	p.w.WriteByte('\n')
	if p.o.lineBuffered {
		p.w.Flush()
	}
}

// contextLength reads a context length as GNU grep does: a decimal
// number, at least 0; one larger than any file is as good as infinite.
func contextLength(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n < 1<<40 {
			n = n*10 + int(c-'0')
		}
	}
	return n, true
}
