// Package file implements file(1): say what kind of data each file holds.
//
// The descriptions are file 5.44's, as Debian's libmagic database words
// them, for the kinds of files a Debian system is made of; pkg/magic does
// the work. As in file(1), a file that cannot be examined is reported on
// standard output and does not change the exit status, and symbolic links
// are not followed unless -L is given.
package file

import (
	"bufio"
	_ "embed"
	"fmt"
	"os"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/magic"
)

//go:embed file.1
var manPage string

var Applet = applet.Applet{
	Name:    "file",
	Summary: "determine file type",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "file",
	Usage:   []string{"[OPTION...] [FILE...]"},
	Summary: "Determine type of FILEs.",
	Options: []getopt.Option{
		{Short: 'b', Long: "brief", Help: "do not prepend filenames to output lines"},
		{Short: 'f', Long: "files-from", Arg: getopt.RequiredArg, ArgName: "FILE", Help: "read the filenames to be examined from FILE"},
		{Short: 'F', Long: "separator", Arg: getopt.RequiredArg, ArgName: "STRING", Help: "use string as separator instead of `:'"},
		{Short: 'i', Long: "mime", Help: "output MIME type strings (--mime-type and\n--mime-encoding)"},
		{Long: "mime-type", Help: "output the MIME type"},
		{Long: "mime-encoding", Help: "output the MIME encoding"},
		{Short: 'L', Long: "dereference", Help: "follow symlinks"},
		{Short: 'h', Long: "no-dereference", Help: "don't follow symlinks (default)"},
		{Short: 'N', Long: "no-pad", Help: "do not pad output"},
		{Short: 'z', Long: "uncompress", Help: "try to look inside compressed files"},
		{Short: '0', Long: "print0", Help: "terminate filenames with ASCII NUL"},
		{Short: 'r', Long: "raw", Help: "don't translate unprintable chars to \\ooo"},
		{Short: 'E', Help: "report files that cannot be examined as errors\nand exit with status 1"},
		{Short: 's', Long: "special-files", Help: "treat special (block/char devices) files as\nordinary ones"},
		{Short: 'n', Long: "no-buffer", Help: "do not buffer output (accepted)"},
		{Short: 'S', Long: "no-sandbox", Help: "disable system call sandboxing (accepted)"},
		{Short: 'v', Help: "output version information and exit"},
		{Short: 'k', Long: "keep-going", Help: "don't stop at the first match (accepted; one match is printed)"},
		{Short: 'p', Long: "preserve-date", Help: "preserve access times on files (accepted)"},
	},
}

func run(io *applet.IO, args []string) int {
	// file(1) follows a bad option with its whole usage
	if _, err := spec.Parse(args, false); err != nil {
		fmt.Fprintf(io.Stderr, "%s: %s\n%s", io.Name, err, usage)
		return 1
	}
	r, done, st := io.Parse(&spec, args, 1)
	if done {
		return st
	}
	if r.Has("v") {
		_, _, st := io.Parse(&spec, []string{"--version"}, 1)
		return st
	}
	opts := magic.Options{Dir: io.Dir}
	_, opts.Follow = io.LookupEnv("POSIXLY_CORRECT")
	brief, pad, nul, raw := false, true, false, false
	sep := ":"
	var lists []string
	for _, o := range r.Opts {
		switch o.Key {
		case "brief":
			brief = true
		case "files-from":
			lists = append(lists, o.Value)
		case "separator":
			sep = o.Value
		case "mime":
			opts.Mime = magic.MimeBoth
		case "mime-type":
			opts.Mime = magic.MimeType
		case "mime-encoding":
			opts.Mime = magic.MimeEncoding
		case "dereference":
			opts.Follow = true
		case "no-dereference":
			opts.Follow = false
		case "no-pad":
			pad = false
		case "E":
			opts.StatErrors = true
		case "special-files":
			opts.Special = true
		case "uncompress":
			opts.Uncompress = true
			opts.Env = io.Env
		case "print0":
			nul = true
		case "raw":
			raw = true
		}
	}
	if len(r.Operands) == 0 && len(lists) == 0 {
		fmt.Fprint(io.Stderr, usage)
		return 1
	}
	// file(1) escapes what is not printable in the locale: in the C
	// locale every byte beyond ASCII
	utf8Locale := isUTF8Locale(io)
	nameWidth := func(n string) int { return magic.Width(n, utf8Locale, raw) }
	escape := func(s string) string {
		if raw {
			return s
		}
		return magic.Escape(s, utf8Locale)
	}
	opWidth := 0
	if pad {
		for _, n := range r.Operands {
			opWidth = max(opWidth, nameWidth(n))
		}
	}
	width := opWidth
	status := 0
	out := func(name string) {
		var res magic.Result
		if name == "-" {
			res = magic.DescribeStdin(io.Stdin, opts)
		} else {
			res = magic.Describe(name, opts)
		}
		if !brief {
			io.Stdout.WriteString(escape(displayName(name)))
			if nul {
				io.Stdout.WriteByte(0)
			}
			io.Stdout.WriteString(sep)
			// file(1) pads by the width of the name as given ("-").
			for i := nameWidth(name); i < width; i++ {
				io.Stdout.WriteByte(' ')
			}
			io.Stdout.WriteByte(' ')
		}
		if res.Failed(opts.Mime) {
			status = 1
		}
		io.Stdout.WriteString(escape(res.String(opts.Mime)))
		io.Stdout.WriteByte('\n')
	}
	for _, list := range lists {
		names, err := readNames(io, list)
		if err != nil {
			io.Stdout.Flush()
			fmt.Fprintf(io.Stderr, "%s: Cannot open `%s' (%s)\n", io.Name, list, errno.Message(err))
			return io.Finish(1)
		}
		// Names from a list are lined up among themselves.
		width = 0
		for _, n := range names {
			if pad {
				width = max(width, nameWidth(n))
			}
		}
		for _, n := range names {
			out(n)
		}
	}
	width = opWidth
	for _, n := range r.Operands {
		out(n)
	}
	return io.Finish(status)
}

// isUTF8Locale reports whether the locale's character set is UTF-8, the
// way setlocale(3) would pick it from LC_ALL, LC_CTYPE and LANG.
func isUTF8Locale(io *applet.IO) bool {
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if l := io.Getenv(v); l != "" {
			l = strings.ToLower(l)
			return strings.Contains(l, "utf-8") || strings.Contains(l, "utf8")
		}
	}
	return false
}

// displayName is how a file is named in the output: standard input is
// "/dev/stdin", as file(1) says.
func displayName(n string) string {
	if n == "-" {
		return "/dev/stdin"
	}
	return n
}

// readNames reads the names of a file list (standard input for "-").
func readNames(io *applet.IO, list string) ([]string, error) {
	var sc *bufio.Scanner
	if list == "-" {
		sc = bufio.NewScanner(io.Stdin)
	} else {
		fh, err := os.Open(io.Path(list))
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		sc = bufio.NewScanner(fh)
	}
	sc.Buffer(make([]byte, 4096), 1<<20)
	var names []string
	for sc.Scan() {
		if sc.Text() != "" {
			names = append(names, sc.Text())
		}
	}
	return names, sc.Err()
}

const usage = `Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
`
