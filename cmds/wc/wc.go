// Package wc implements wc(1) as GNU coreutils 9.1 does: print newline,
// word, and byte counts for each file.
//
// The details that make the output byte-identical to GNU's:
//   - a word is a run of printable non-space characters; other
//     non-printable bytes neither start nor end a word, and add nothing to
//     the line length (-L), where a tab advances to the next multiple of 8;
//   - in a UTF-8 locale -m counts characters and skips invalid bytes; in
//     the C locale a character is a byte;
//   - the width of every column is the number of digits of the total size
//     of the regular files named, at least 7 when any input is not a regular
//     file, and 1 when a single input has a single count.
package wc

import (
	"bytes"
	_ "embed"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed wc.1
var manPage string

var Applet = applet.Applet{
	Name:    "wc",
	Summary: "print newline, word, and byte counts for each file",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "wc",
	Usage: []string{"[OPTION]... [FILE]...", "[OPTION]... --files0-from=F"},
	Summary: `Print newline, word, and byte counts for each FILE, and a total line if
more than one FILE is specified.  A word is a non-zero-length sequence of
printable characters delimited by white space.

With no FILE, or when FILE is -, read standard input.

The options below may be used to select which counts are printed, always in
the following order: newline, word, character, byte, maximum line length.`,
	Options: []getopt.Option{
		{Short: 'c', Long: "bytes", Help: "print the byte counts"},
		{Short: 'm', Long: "chars", Help: "print the character counts"},
		{Short: 'l', Long: "lines", Help: "print the newline counts"},
		{Long: "files0-from", Arg: getopt.RequiredArg, ArgName: "F", Help: "read input from the files specified by\n  NUL-terminated names in file F;\n  If F is - then read names from standard input"},
		{Short: 'L', Long: "max-line-length", Help: "print the maximum display width"},
		{Short: 'w', Long: "words", Help: "print the word counts"},
	},
}

// counts are one input's totals.
type counts struct {
	lines, words, chars, bytes, maxLine uint64
}

// selection says which counts to print.
type selection struct {
	lines, words, chars, bytes, maxLine bool
}

func (s selection) number() int {
	n := 0
	for _, b := range []bool{s.lines, s.words, s.chars, s.bytes, s.maxLine} {
		if b {
			n++
		}
	}
	return n
}

// input is one operand, opened and stat'ed before any counting, because
// the column width depends on all of them.
type input struct {
	name    string
	file    io.ReadCloser
	regular bool
	size    int64
	err     error
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	var sel selection
	var files0 string
	for _, o := range r.Opts {
		switch o.Key {
		case "bytes":
			sel.bytes = true
		case "chars":
			sel.chars = true
		case "lines":
			sel.lines = true
		case "max-line-length":
			sel.maxLine = true
		case "words":
			sel.words = true
		case "files0-from":
			files0 = o.Value
		}
	}
	if sel.number() == 0 {
		sel.lines, sel.words, sel.bytes = true, true, true
	}
	names := r.Operands
	listRegular := false // the --files0-from list is a regular file
	if files0 != "" {
		if len(names) > 0 {
			io.Errorf("extra operand '%s'", names[0])
			return io.UsageError(1, "file operands cannot be combined with --files0-from")
		}
		var err error
		if names, listRegular, err = readNames(io, files0); err != nil {
			io.Errorf("cannot open '%s' for reading: %s", files0, errno.Message(err))
			return 1
		}
	}
	if files0 != "" && len(names) == 0 {
		return 0 // an empty list names no file: nothing to count, not stdin
	}
	fromStdin := len(names) == 0
	if fromStdin {
		names = []string{"-"}
	}
	utf8Locale := isUTF8Locale(io)
	inputs := open(io, names)
	defer func() {
		for _, in := range inputs {
			if in.file != nil {
				in.file.Close()
			}
		}
	}()
	width := columnWidth(inputs, sel)
	if files0 != "" && !listRegular {
		// GNU wc reads a list from a pipe or device one name at a
		// time, so it cannot size the columns beforehand
		width = 1
	}
	status = 0
	var sum counts
	for _, in := range inputs {
		if in.err != nil {
			io.Errorf("%s: %s", in.name, errno.Message(in.err))
			status = 1
			continue
		}
		c, err := count(in, sel, utf8Locale)
		if err != nil {
			io.Errorf("%s: %s", in.name, errno.Message(err))
			status = 1
		}
		sum.lines += c.lines
		sum.words += c.words
		sum.chars += c.chars
		sum.bytes += c.bytes
		sum.maxLine = max(sum.maxLine, c.maxLine)
		name := in.name
		if fromStdin {
			name = ""
		}
		if err := printCounts(io, c, sel, width, name); err != nil {
			return io.WriteFailed(err)
		}
	}
	if len(inputs) > 1 {
		if err := printCounts(io, sum, sel, width, "total"); err != nil {
			return io.WriteFailed(err)
		}
	}
	return status
}

// readNames reads the NUL-separated file names of --files0-from, and
// tells whether they came from a regular file.
func readNames(io *applet.IO, from string) (names []string, regular bool, err error) {
	f, err := io.Open(from)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	_, regular = regularSize(io, from, f)
	data, err := readAll(f)
	if err != nil {
		return nil, false, err
	}
	names = strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
	if len(names) == 1 && names[0] == "" {
		return nil, regular, nil
	}
	return names, regular, nil
}

func readAll(r io.Reader) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(r)
	return b.Bytes(), err
}

func open(io *applet.IO, names []string) []input {
	inputs := make([]input, len(names))
	for i, name := range names {
		in := &inputs[i]
		in.name = name
		in.file, in.err = io.Open(name)
		if in.err != nil {
			continue
		}
		in.size, in.regular = regularSize(io, name, in.file)
	}
	return inputs
}

// regularSize reports whether the input opened as name ("-": standard
// input) is a regular file, and its size if so.
func regularSize(app *applet.IO, name string, opened io.Reader) (int64, bool) {
	f, ok := opened.(*os.File)
	if name == "-" {
		f, ok = app.StdinFile(), app.StdinFile() != nil
	}
	if !ok {
		return 0, false
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		return st.Size(), true
	}
	return 0, false
}

// columnWidth computes GNU wc's field width (see the package comment).
func columnWidth(inputs []input, sel selection) int {
	if len(inputs) == 1 && sel.number() == 1 {
		return 1
	}
	if len(inputs) > 0 && inputs[0].err != nil {
		return 1
	}
	minimum, total := 1, int64(0)
	for _, in := range inputs {
		if in.err != nil {
			continue
		}
		if in.regular {
			total += in.size
		} else {
			minimum = 7
		}
	}
	return max(minimum, len(strconv.FormatInt(total, 10)))
}

func printCounts(io *applet.IO, c counts, sel selection, width int, name string) error {
	var b []byte
	add := func(on bool, v uint64) {
		if !on {
			return
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		s := strconv.FormatUint(v, 10)
		for i := len(s); i < width; i++ {
			b = append(b, ' ')
		}
		b = append(b, s...)
	}
	add(sel.lines, c.lines)
	add(sel.words, c.words)
	add(sel.chars, c.chars)
	add(sel.bytes, c.bytes)
	add(sel.maxLine, c.maxLine)
	if name != "" {
		b = append(b, ' ')
		b = append(b, name...)
	}
	b = append(b, '\n')
	_, err := io.Stdout.Write(b)
	return err
}

// count reads one input. Counting only bytes of a regular file needs no
// reading at all; counting only lines needs no decoding.
func count(in input, sel selection, utf8Locale bool) (counts, error) {
	var c counts
	if sel.bytes && !sel.lines && !sel.words && !sel.chars && !sel.maxLine && in.regular {
		if f, ok := in.file.(*os.File); ok {
			if pos, err := f.Seek(0, io.SeekCurrent); err == nil && pos <= in.size {
				c.bytes = uint64(in.size - pos)
				return c, nil
			}
		}
	}
	decode := sel.words || sel.maxLine || (sel.chars && utf8Locale)
	buf := make([]byte, 128<<10)
	var s scanner
	for {
		n, err := in.file.Read(buf)
		chunk := buf[:n]
		c.bytes += uint64(n)
		if decode {
			chunk = s.scan(&c, append(s.pending, chunk...), utf8Locale, err == io.EOF)
			s.pending = append(s.pending[:0], chunk...)
		} else {
			c.lines += uint64(bytes.Count(chunk, []byte{'\n'}))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return c, err
		}
	}
	if decode {
		s.finish(&c)
	}
	if !utf8Locale || !decode {
		c.chars = c.bytes
	}
	return c, nil
}

// scanner carries word and line state across read chunks.
type scanner struct {
	inWord  bool
	linePos uint64
	pending []byte // an incomplete UTF-8 sequence at the end of a chunk
}

// scan counts p and returns the unconsumed tail (an incomplete UTF-8
// sequence that the next chunk may complete).
func (s *scanner) scan(c *counts, p []byte, utf8Locale, atEOF bool) []byte {
	for i := 0; i < len(p); {
		b := p[i]
		if b < utf8.RuneSelf || !utf8Locale {
			i++
			if utf8Locale {
				c.chars++
			}
			s.byteChar(c, b)
			continue
		}
		if !atEOF && !utf8.FullRune(p[i:]) {
			return p[i:]
		}
		r, size := utf8.DecodeRune(p[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			continue // an invalid byte: not a character, not a word
		}
		c.chars++
		switch {
		case isWideSpace(r):
			s.endWord(c)
			s.linePos++
		case unicode.IsPrint(r) || unicode.Is(unicode.Mn, r):
			s.linePos += uint64(runeWidth(r))
			s.inWord = true
		}
	}
	return nil
}

// byteChar handles one single-byte character with C-locale rules.
func (s *scanner) byteChar(c *counts, b byte) {
	switch b {
	case '\n':
		c.lines++
		s.endLine(c)
	case '\r', '\f':
		s.endLine(c)
	case '\t':
		s.linePos += 8 - s.linePos%8
		s.endWord(c)
	case ' ':
		s.linePos++
		s.endWord(c)
	case '\v':
		s.endWord(c)
	default:
		if b >= 0x20 && b < 0x7f {
			s.linePos++
			s.inWord = true
		}
	}
}

func (s *scanner) endLine(c *counts) {
	c.maxLine = max(c.maxLine, s.linePos)
	s.linePos = 0
	s.endWord(c)
}

func (s *scanner) endWord(c *counts) {
	if s.inWord {
		c.words++
	}
	s.inWord = false
}

func (s *scanner) finish(c *counts) {
	c.maxLine = max(c.maxLine, s.linePos)
	s.endWord(c)
}

// isWideSpace is glibc's iswspace for non-ASCII runes: Unicode white space
// except the no-break spaces.
func isWideSpace(r rune) bool {
	switch r {
	case 0xa0, 0x2007, 0x202f:
		return false
	}
	return unicode.IsSpace(r)
}

// runeWidth approximates wcwidth(3): 2 for East Asian wide characters, 0
// for combining marks, 1 otherwise.
func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		return 0
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf && r != 0x303f,
		r >= 0xac00 && r <= 0xd7a3, r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f,
		r >= 0xff00 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6, r >= 0x1f300 && r <= 0x1f64f,
		r >= 0x1f900 && r <= 0x1f9ff, r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

// isUTF8Locale reports whether the character-type locale, chosen as
// setlocale(3) chooses it (LC_ALL, then LC_CTYPE, then LANG), is UTF-8.
func isUTF8Locale(io *applet.IO) bool {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if val := io.Getenv(v); val != "" {
			l := strings.ToLower(val)
			return strings.Contains(l, "utf-8") || strings.Contains(l, "utf8")
		}
	}
	return false
}
