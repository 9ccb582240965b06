// Package cat implements cat(1) as GNU coreutils does: concatenate files to
// standard output.
//
// Without formatting options cat copies in large chunks that bypass the
// stdio buffer (see stdio.Writer.ReadFrom), which is what makes
// `cat big | wc -l` run at pipe speed. With -n, -b, -s, -v, -E or -T it
// goes line by line through the buffered writer.
package cat

import (
	"bufio"
	_ "embed"
	"errors"
	"io"
	"strconv"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed cat.1
var manPage string

var Applet = applet.Applet{
	Name:    "cat",
	Summary: "concatenate files and print on the standard output",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "cat",
	Usage:   []string{"[OPTION]... [FILE]..."},
	Summary: "Concatenate FILE(s) to standard output.\n\nWith no FILE, or when FILE is -, read standard input.",
	Options: []getopt.Option{
		{Short: 'A', Long: "show-all", Help: "equivalent to -vET"},
		{Short: 'b', Long: "number-nonblank", Help: "number nonempty output lines, overrides -n"},
		{Short: 'e', Help: "equivalent to -vE"},
		{Short: 'E', Long: "show-ends", Help: "display $ at end of each line"},
		{Short: 'n', Long: "number", Help: "number all output lines"},
		{Short: 's', Long: "squeeze-blank", Help: "suppress repeated empty output lines"},
		{Short: 't', Help: "equivalent to -vT"},
		{Short: 'T', Long: "show-tabs", Help: "display TAB characters as ^I"},
		{Short: 'u', Help: "(ignored)"},
		{Short: 'v', Long: "show-nonprinting", Help: "use ^ and M- notation, except for LFD and TAB"},
	},
	Footer: "Examples:\n  cat f - g  Output f's contents, then standard input, then g's contents.\n  cat        Copy standard input to standard output.",
}

// format holds the options that change what is printed. Line numbers
// continue across files, as in GNU cat.
type format struct {
	number, nonblank, squeeze, ends, tabs, nonprinting bool
	line                                               int
	blanks                                             int  // consecutive empty lines seen
	midLine                                            bool // the last piece did not end a line
}

func (f *format) plain() bool {
	return !f.number && !f.nonblank && !f.squeeze && !f.ends && !f.tabs && !f.nonprinting
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	var f format
	for _, o := range r.Opts {
		switch o.Key {
		case "show-all":
			f.nonprinting, f.ends, f.tabs = true, true, true
		case "number-nonblank":
			f.nonblank = true
		case "e":
			f.nonprinting, f.ends = true, true
		case "show-ends":
			f.ends = true
		case "number":
			f.number = true
		case "squeeze-blank":
			f.squeeze = true
		case "t":
			f.nonprinting, f.tabs = true, true
		case "show-tabs":
			f.tabs = true
		case "show-nonprinting":
			f.nonprinting = true
		}
	}
	if f.nonblank {
		f.number = false
	}
	files := r.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	status = 0
	for _, name := range files {
		in, err := io.Open(name)
		if err != nil {
			status = io.PathError(name, err)
			continue
		}
		if f.plain() {
			_, err = io.Stdout.ReadFrom(in)
		} else {
			err = f.copy(io.Stdout, in)
		}
		in.Close()
		var rerr *stdio.ReadError
		switch {
		case errors.As(err, &rerr):
			status = io.PathError(name, rerr.Err)
		case err != nil:
			return io.WriteFailed(err)
		}
	}
	return status
}

// copy writes in to w line by line with the formatting options applied.
func (f *format) copy(w *stdio.Writer, in io.Reader) error {
	br := bufio.NewReaderSize(in, 64<<10)
	var out []byte
	for {
		line, rerr := br.ReadSlice('\n')
		if rerr == bufio.ErrBufferFull {
			// A long line: format what we have; the rest continues it.
			rerr = nil
		}
		if len(line) > 0 {
			out = f.formatLine(out[:0], line)
			if _, err := w.Write(out); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return &stdio.ReadError{Err: rerr}
		}
	}
}

// formatLine appends a piece of input to out as cat's options say. A piece
// ends at a newline, at the end of a file, or where a line exceeds the read
// buffer; as in GNU cat, a line that continues across pieces (or from the
// end of one file into the next) is numbered once.
func (f *format) formatLine(out, piece []byte) []byte {
	startsLine := !f.midLine
	f.midLine = piece[len(piece)-1] != '\n'
	if startsLine {
		empty := len(piece) == 1 && piece[0] == '\n'
		if empty {
			f.blanks++
			if f.squeeze && f.blanks > 1 {
				return out
			}
		} else {
			f.blanks = 0
		}
		if f.number || (f.nonblank && !empty) {
			f.line++
			out = appendNumber(out, f.line)
		}
	}
	for i, c := range piece {
		switch {
		case c == '\r' && f.ends && i+1 < len(piece) && piece[i+1] == '\n':
			// GNU cat -E shows a DOS line end as ^M$.
			out = append(out, '^', 'M')
		case c == '\n':
			if f.ends {
				out = append(out, '$')
			}
			out = append(out, '\n')
		case c == '\t':
			if f.tabs {
				out = append(out, '^', 'I')
			} else {
				out = append(out, '\t')
			}
		case f.nonprinting:
			out = appendVisible(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// appendNumber appends n as "%6d\t".
func appendNumber(out []byte, n int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < 6; i++ {
		out = append(out, ' ')
	}
	out = append(out, s...)
	return append(out, '\t')
}

// appendVisible appends c in cat -v's notation: ^X for control characters,
// ^? for DEL, M- for bytes with the high bit set.
func appendVisible(out []byte, c byte) []byte {
	if c >= 128 {
		out = append(out, 'M', '-')
		c -= 128
	}
	switch {
	case c < 32:
		return append(out, '^', c+64)
	case c == 127:
		return append(out, '^', '?')
	}
	return append(out, c)
}
