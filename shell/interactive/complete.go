package interactive

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/sys/unix"
)

// Completer completes the word under the cursor the way bash does without
// programmable completion: a command name in command position, a
// variable name after $ or ${, a file name anywhere else. The shell gives
// it its tables as functions, so that the completer always sees the
// current functions and aliases and knows nothing else of the shell.
type Completer struct {
	Builtins  func() []string // names of builtins
	Functions func() []string // names of defined functions
	Aliases   func() []string // names of aliases
	Applets   func() []string // applets the shell runs without a PATH search
	Vars      func() []string // names of shell variables
	// Getenv returns the shell's value of PATH and HOME; nil means os.Getenv.
	Getenv func(string) string
	// Dir returns the shell's current directory; nil means os.Getwd.
	Dir func() string
}

// keywords are the shell's reserved words, which bash offers as command
// names too (compgen -c).
var keywords = [...]string{"!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in", "then", "time", "until", "while", "{", "}"}

// isKeyword reports whether w is a reserved word after which a command
// name comes.
func isKeyword(w string) bool {
	switch w {
	case "!", "{", "}", "if", "then", "else", "elif", "do", "while", "until", "time", "fi", "done":
		return true
	}
	return false
}

// wordAt is what the completer needs to know about the word at the cursor.
type wordAt struct {
	start   int    // byte offset where the word starts
	raw     string // line[start:pos] as typed
	text    string // raw with quoting removed
	quote   byte   // the quote still open at the cursor: 0, '\'' or '"'
	cmdPos  bool   // a command name goes here
	dollar  int    // offset of the $ that starts an unfinished name, or -1
	escaped bool   // the word ends in a lone backslash
}

// scan finds the word that ends at pos, tracking quotes and whether the
// word is in command position (line start, after ; & | ( ` and keywords,
// after assignments).
func scan(line string, pos int) wordAt {
	w := wordAt{cmdPos: true, dollar: -1}
	inWord, redirect := false, false
	var text []byte
	endWord := func(i int) {
		if !inWord {
			return
		}
		word := line[w.start:i]
		switch {
		case redirect:
			redirect = false
		case w.cmdPos && (isKeyword(word) || isAssignment(word)):
		default:
			w.cmdPos = false
		}
		inWord = false
	}
	startWord := func(i int) {
		if !inWord {
			inWord, w.start, text, w.dollar = true, i, text[:0], -1
		}
	}
	for i := 0; i < pos; i++ {
		c := line[i]
		switch {
		case w.escaped:
			w.escaped = false
			text = append(text, c)
			continue
		case w.quote == '\'':
			if c == '\'' {
				w.quote = 0
			} else {
				text = append(text, c)
			}
			continue
		case w.quote == '"':
			switch c {
			case '"':
				w.quote = 0
			case '\\':
				if i+1 < pos && strings.IndexByte("\\\"$`\n", line[i+1]) >= 0 {
					w.escaped = true
				} else {
					text = append(text, c)
				}
			case '$':
				w.dollar = i
				text = append(text, c)
			default:
				text = append(text, c)
			}
			continue
		}
		switch c {
		case ' ', '\t', '\n':
			endWord(i)
		case ';', '&', '|', '(', ')', '`':
			endWord(i)
			w.cmdPos, redirect = c != ')', false
		case '<', '>':
			endWord(i)
			redirect = true
		case '\\':
			startWord(i)
			w.escaped = true
		case '\'', '"':
			startWord(i)
			w.quote = c
		case '$':
			startWord(i)
			w.dollar = i
			text = append(text, c)
		default:
			startWord(i)
			text = append(text, c)
		}
	}
	if !inWord {
		w.start = pos
		text = text[:0]
	}
	if redirect {
		w.cmdPos = false
	}
	w.raw = line[w.start:pos]
	w.text = string(text)
	return w
}

func isAssignment(w string) bool {
	eq := strings.IndexByte(w, '=')
	return eq > 0 && isName(w[:eq])
}

func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// Complete proposes completions for the word that ends at byte offset pos
// of line. It fits Options.Complete.
func (c *Completer) Complete(line string, pos int) Completion {
	if pos > len(line) || pos < 0 {
		pos = len(line)
	}
	w := scan(line, pos)
	// NAME=value: the value is a file name, as in bash.
	if eq := strings.IndexByte(w.raw, '='); eq > 0 && isName(w.raw[:eq]) && w.cmdPos {
		w.start += eq + 1
		w.raw = w.raw[eq+1:]
		w.text = w.text[eq+1:]
		w.cmdPos = false
	}
	res := Completion{Head: line[:w.start], Tail: line[pos:]}
	if w.dollar >= 0 {
		if r, ok := c.completeVar(line, pos, w); ok {
			return r
		}
	}
	var cands []candidate
	if w.cmdPos && !strings.Contains(w.text, "/") {
		cands = c.commands(w.text)
	} else {
		cands = c.files(w.text, w.cmdPos)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].name < cands[j].name })
	for i, cd := range cands {
		if i > 0 && cd.name == cands[i-1].name {
			continue
		}
		res.Words = append(res.Words, requote(cd.name, w)+cd.suffix(w))
		res.Display = append(res.Display, cd.display())
	}
	return res
}

// A candidate is one possible completed word, unquoted.
type candidate struct {
	name string // the whole word: directory part as typed plus the name
	base string // what a listing shows
	dir  bool
}

func (cd candidate) display() string {
	if cd.dir {
		return cd.base + "/"
	}
	return cd.base
}

// suffix finishes a lone match: a directory gets "/" and stays open, a
// file or command closes its quote and gets a space.
func (cd candidate) suffix(w wordAt) string {
	if cd.dir {
		return "/"
	}
	if w.quote != 0 {
		return string(w.quote) + " "
	}
	return " "
}

func (c *Completer) getenv(name string) string {
	if c.Getenv != nil {
		return c.Getenv(name)
	}
	return os.Getenv(name)
}

func (c *Completer) dir() string {
	if c.Dir != nil {
		return c.Dir()
	}
	d, _ := os.Getwd()
	return d
}

// commands lists the command names starting with prefix: reserved words,
// builtins, functions, aliases, applets, executables in $PATH, and directories of
// the current directory (a command may be run as dir/cmd).
func (c *Completer) commands(prefix string) []candidate {
	var out []candidate
	add := func(names []string) {
		for _, n := range names {
			if strings.HasPrefix(n, prefix) {
				out = append(out, candidate{name: n, base: n})
			}
		}
	}
	add(keywords[:])
	for _, src := range []func() []string{c.Builtins, c.Functions, c.Aliases, c.Applets} {
		if src != nil {
			add(src())
		}
	}
	for _, d := range filepath.SplitList(c.getenv("PATH")) {
		if d == "" {
			d = "."
		}
		if !filepath.IsAbs(d) {
			d = filepath.Join(c.dir(), d)
		}
		ents, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, e := range ents {
			n := e.Name()
			if !strings.HasPrefix(n, prefix) {
				continue
			}
			p := filepath.Join(d, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && unix.Access(p, unix.X_OK) == nil {
				out = append(out, candidate{name: n, base: n})
			}
		}
	}
	for _, f := range c.files(prefix, true) {
		if f.dir {
			out = append(out, f)
		}
	}
	return out
}

// files lists the file names that complete text (a path, perhaps starting
// with ~ or ~/), hiding dot files unless the name typed starts with a dot.
// In command position only directories and executables count.
func (c *Completer) files(text string, execOnly bool) []candidate {
	dirPart, base := "", text
	if i := strings.LastIndexByte(text, '/'); i >= 0 {
		dirPart, base = text[:i+1], text[i+1:]
	}
	lookup := dirPart
	switch {
	case dirPart == "" && strings.HasPrefix(text, "~") && !strings.Contains(text, "/"):
		return nil // ~user completion is not done
	case strings.HasPrefix(dirPart, "~/"):
		lookup = c.getenv("HOME") + dirPart[1:]
	}
	if !filepath.IsAbs(lookup) {
		lookup = filepath.Join(c.dir(), lookup)
	}
	ents, err := os.ReadDir(lookup)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(ents)+2)
	if strings.HasPrefix(base, ".") {
		names = append(names, ".", "..")
	}
	for _, e := range ents {
		names = append(names, e.Name())
	}
	var out []candidate
	for _, n := range names {
		if !strings.HasPrefix(n, base) || (n[0] == '.' && !strings.HasPrefix(base, ".")) {
			continue
		}
		p := filepath.Join(lookup, n)
		st, err := os.Stat(p)
		isDir := err == nil && st.IsDir()
		if execOnly && !isDir && (err != nil || unix.Access(p, unix.X_OK) != nil) {
			continue
		}
		out = append(out, candidate{name: dirPart + n, base: n, dir: isDir})
	}
	return out
}

func (c *Completer) isDir(p string) bool {
	if p == "" {
		return false
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(c.dir(), p)
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// completeVar completes $NAME and ${NAME.
func (c *Completer) completeVar(line string, pos int, w wordAt) (Completion, bool) {
	after := line[w.dollar+1 : pos]
	brace := strings.HasPrefix(after, "{")
	if brace {
		after = after[1:]
	}
	if after != "" && !isName(after) {
		return Completion{}, false
	}
	res := Completion{Head: line[:pos-len(after)], Tail: line[pos:]}
	if c.Vars == nil {
		return res, true
	}
	names := append([]string(nil), c.Vars()...)
	sort.Strings(names)
	for i, n := range names {
		if !strings.HasPrefix(n, after) || (i > 0 && n == names[i-1]) {
			continue
		}
		// As bash: close the brace and the double quote, then "/" when
		// the value names a directory, else a space.
		suffix := ""
		if brace {
			suffix = "}"
		}
		if w.quote != 0 {
			suffix += string(w.quote)
		}
		if c.isDir(c.getenv(n)) {
			suffix += "/"
		} else {
			suffix += " "
		}
		res.Words = append(res.Words, n+suffix)
		res.Display = append(res.Display, n)
	}
	return res, true
}

// requote quotes an unquoted completed word for the context it is typed
// in: inside an open quote, with that quote's rules (the word is
// rewritten whole, so a quote opened mid-word moves to its start);
// otherwise with
// backslashes before the characters the shell would take specially (and
// single quotes around names with control characters, which a backslash
// cannot protect). A leading ~/ the user typed stays unquoted.
func requote(name string, w wordAt) string {
	prefix := ""
	if w.quote == 0 && (name == "~" || strings.HasPrefix(name, "~/")) {
		prefix, name = "~", name[1:]
	}
	switch w.quote {
	case '\'':
		return "'" + strings.ReplaceAll(name, "'", `'\''`)
	case '"':
		var b strings.Builder
		for _, r := range name {
			if strings.ContainsRune("\\\"$`", r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		return `"` + b.String()
	}
	return prefix + ShellQuote(name)
}

// ShellQuote quotes s for a shell word with backslashes, as bash quotes
// completed file names ("my file" → my\ file). Names with control
// characters are put in single quotes instead, since a backslash before
// a newline would join lines.
func ShellQuote(s string) string {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(" \t\\\"'<>;|&()$`?*[]!{}#", r) || (r == '~' && i == 0) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
