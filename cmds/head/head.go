// Package head implements head(1) as GNU coreutils does: output the first
// part of files.
//
// Besides -n and -c, GNU head accepts the old form "head -5" (and "-5c",
// "-2l", with the letters of -c/-n/-q/-v/-z after the number) as its first
// argument; we rewrite it into the modern form before parsing.
package head

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed head.1
var manPage string

var Applet = applet.Applet{
	Name:    "head",
	Summary: "output the first part of files",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "head",
	Usage: []string{"[OPTION]... [FILE]..."},
	Summary: `Print the first 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.`,
	Options: []getopt.Option{
		{Short: 'c', Long: "bytes", Arg: getopt.RequiredArg, ArgName: "[-]NUM", Help: "print the first NUM bytes of each file;\n  with the leading '-', print all but the last\n  NUM bytes of each file"},
		{Short: 'n', Long: "lines", Arg: getopt.RequiredArg, ArgName: "[-]NUM", Help: "print the first NUM lines instead of the first 10;\n  with the leading '-', print all but the last\n  NUM lines of each file"},
		{Short: 'q', Long: "quiet", Help: "never print headers giving file names"},
		{Long: "silent", Help: "same as --quiet"},
		{Short: 'v', Long: "verbose", Help: "always print headers giving file names"},
		{Short: 'z', Long: "zero-terminated", Help: "line delimiter is NUL, not newline"},
	},
	Footer: `NUM may have a multiplier suffix:
b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y, R, Q.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.`,
}

// request is what to print of each file.
type request struct {
	bytes  bool   // count bytes (-c), not lines
	allBut bool   // the count is what to leave off the end
	count  uint64 // lines or bytes
	delim  byte   // line delimiter
}

func run(io *applet.IO, args []string) int {
	args = rewriteObsolete(args)
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	req := request{count: 10, delim: '\n'}
	headers := 0 // -1 never, 1 always, 0 only when several files
	for _, o := range r.Opts {
		switch o.Key {
		case "bytes", "lines":
			n, allBut, err := ParseCount(o.Value)
			if err != nil {
				io.Errorf("invalid number of %s: '%s'%s", o.Key, o.Value, err)
				return 1
			}
			req.bytes, req.count, req.allBut = o.Key == "bytes", n, allBut
		case "quiet", "silent":
			headers = -1
		case "verbose":
			headers = 1
		case "zero-terminated":
			req.delim = 0
		}
	}
	files := r.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	if headers == 0 && len(files) > 1 {
		headers = 1
	}
	status = 0
	first := true
	for _, name := range files {
		in, err := io.Open(name)
		if err != nil {
			io.Errorf("cannot open '%s' for reading: %s", name, errno.Message(err))
			status = 1
			continue
		}
		if headers == 1 {
			sep := "\n"
			if first {
				sep = ""
			}
			display := name
			if name == "-" {
				display = "standard input"
			}
			fmt.Fprintf(io.Stdout, "%s==> %s <==\n", sep, display)
		}
		first = false
		err = req.copy(io.Stdout, in)
		in.Close()
		var rerr *stdio.ReadError
		switch {
		case errors.As(err, &rerr):
			io.Errorf("error reading '%s': %s", name, errno.Message(rerr.Err))
			status = 1
		case err != nil:
			return io.WriteFailed(err)
		}
	}
	return status
}

// rewriteObsolete turns GNU head's old "-NUM[bcklmqvz]" first argument into
// modern options: "-5" -> "-n 5", "-5c" -> "-c 5", "-2k" -> "-c 2k".
func rewriteObsolete(args []string) []string {
	if len(args) == 0 || len(args[0]) < 2 || args[0][0] != '-' || args[0][1] < '0' || args[0][1] > '9' {
		return args
	}
	a := args[0][1:]
	end := 0
	for end < len(a) && a[end] >= '0' && a[end] <= '9' {
		end++
	}
	num, letters := a[:end], a[end:]
	opt, suffix := "-n", ""
	var rest []string
	for _, c := range letters {
		switch c {
		case 'c':
			opt = "-c"
		case 'b', 'k', 'm':
			opt, suffix = "-c", string(c)
		case 'l':
			opt = "-n"
		case 'q', 'v', 'z':
			rest = append(rest, "-"+string(c))
		default:
			return args // not the old form: let getopt complain
		}
	}
	out := append([]string{opt, num + suffix}, rest...)
	return append(out, args[1:]...)
}

// ParseCount parses a [-]NUM[SUFFIX] count. The error, when not nil, is
// the text GNU head appends to its message: "" for a malformed count,
// ": Value too large for defined data type" for an overflow.
func ParseCount(s string) (n uint64, allBut bool, err error) {
	if strings.HasPrefix(s, "-") {
		allBut, s = true, s[1:]
	}
	suffix := strings.TrimLeft(s, "0123456789")
	digits := s[:len(s)-len(suffix)]
	if digits == "" {
		return 0, false, errors.New("")
	}
	mult, ok := suffixValue(suffix)
	if !ok {
		return 0, false, errors.New("")
	}
	v, perr := strconv.ParseUint(digits, 10, 64)
	if perr != nil || (mult > 1 && v > math.MaxUint64/mult) {
		return 0, false, errors.New(": Value too large for defined data type")
	}
	return v * mult, allBut, nil
}

// suffixValue gives the multiplier of a coreutils size suffix: b (512),
// then K M G T P E Z Y R Q alone or with iB (powers of 1024) or with B
// (powers of 1000); k and m may be lower case.
func suffixValue(s string) (uint64, bool) {
	switch s {
	case "":
		return 1, true
	case "b":
		return 512, true
	}
	power := strings.IndexByte("KMGTPEZYRQ", s[0])
	if s[0] == 'k' || s[0] == 'm' {
		power = strings.IndexByte("km", s[0])
	}
	if power < 0 {
		return 0, false
	}
	var base uint64
	switch s[1:] {
	case "", "iB":
		base = 1024
	case "B":
		base = 1000
	default:
		return 0, false
	}
	m := uint64(1)
	for range power + 1 {
		if m > math.MaxUint64/base {
			return math.MaxUint64, true
		}
		m *= base
	}
	return m, true
}

func (req *request) copy(w *stdio.Writer, in io.Reader) error {
	switch {
	case req.bytes && !req.allBut:
		_, err := w.ReadFrom(io.LimitReader(in, int64(min(req.count, math.MaxInt64))))
		return err
	case req.bytes:
		return copyAllButBytes(w, in, req.count)
	case !req.allBut:
		return copyLines(w, in, req.count, req.delim)
	}
	return copyAllButLines(w, in, req.count, req.delim)
}

// copyLines copies the first n lines of in. It reads no more than it must
// from a pipe only to the extent of one buffer: like GNU head, it does not
// try to leave the rest of a shared input unread.
func copyLines(w *stdio.Writer, in io.Reader, n uint64, delim byte) error {
	buf := make([]byte, 64<<10)
	for n > 0 {
		m, rerr := in.Read(buf)
		chunk := buf[:m]
		end := 0
		for n > 0 {
			i := bytes.IndexByte(chunk[end:], delim)
			if i < 0 {
				end = len(chunk)
				break
			}
			end += i + 1
			n--
		}
		if _, err := w.Write(chunk[:end]); err != nil {
			return err
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return &stdio.ReadError{Err: rerr}
		}
	}
	return nil
}

// copyAllButBytes copies in without its last n bytes, holding back n bytes.
func copyAllButBytes(w *stdio.Writer, in io.Reader, n uint64) error {
	var held []byte
	buf := make([]byte, 64<<10)
	for {
		m, rerr := in.Read(buf)
		held = append(held, buf[:m]...)
		if uint64(len(held)) > n {
			out := uint64(len(held)) - n
			if _, err := w.Write(held[:out]); err != nil {
				return err
			}
			held = append(held[:0], held[out:]...)
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return &stdio.ReadError{Err: rerr}
		}
	}
}

// copyAllButLines copies in without its last n lines, holding back n lines.
func copyAllButLines(w *stdio.Writer, in io.Reader, n uint64, delim byte) error {
	br := bufio.NewReaderSize(in, 64<<10)
	var held [][]byte
	for {
		line, rerr := br.ReadBytes(delim)
		if len(line) > 0 {
			held = append(held, line)
			if uint64(len(held)) > n {
				if _, err := w.Write(held[0]); err != nil {
					return err
				}
				held[0] = nil
				held = held[1:]
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
