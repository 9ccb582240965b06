// Package less implements less(1) and more(1): show text one screen at a
// time. They are the pager man(1) uses in the teaching VM, which has no
// other; both are the same small pager (pkg/pager) under two names.
//
// Like less, when standard output is not a terminal they copy their input
// to it unchanged. Options of the real tools that only tune the display
// (-R, -r, -S, -X, -F, -E, -i) are accepted and have no effect: colours
// and overstrikes are always shown, long lines are always cut.
package less

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/pager"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed less.1
var lessPage string

//go:embed more.1
var morePage string

// Applet is less(1).
var Applet = applet.Applet{
	Name:    "less",
	Summary: "show text one screen at a time",
	Man:     &lessPage,
	Main:    func(o *applet.IO, args []string) int { return run(o, args, "less") },
}

// More is more(1), the same pager.
var More = applet.Applet{
	Name:    "more",
	Summary: "show text one screen at a time",
	Man:     &morePage,
	Main:    func(o *applet.IO, args []string) int { return run(o, args, "more") },
}

func spec(name string) *getopt.Spec {
	return &getopt.Spec{
		Prog:    name,
		Usage:   []string{"[OPTION]... [FILE]..."},
		Summary: "Show each FILE, or standard input, one screen at a time.",
		Options: []getopt.Option{
			{Short: 'R', Long: "RAW-CONTROL-CHARS", Help: "accepted: escape sequences are always shown as bold and underline"},
			{Short: 'r', Long: "raw-control-chars", Help: "same as -R"},
			{Short: 'S', Long: "chop-long-lines", Help: "accepted: long lines are always cut"},
			{Short: 'X', Long: "no-init", Help: "accepted, no effect"},
			{Short: 'F', Long: "quit-if-one-screen", Help: "accepted, no effect"},
			{Short: 'E', Long: "QUIT-AT-EOF", Help: "accepted, no effect"},
			{Short: 'i', Long: "ignore-case", Help: "accepted: searches ignore case unless the pattern has capitals"},
			{Long: "help", Help: "display this help and exit"},
			{Long: "version", Help: "output version information and exit"},
		},
		Footer: "Keys: SPACE f b j k g G /pattern n N q (h for help).",
	}
}

func run(o *applet.IO, args []string, name string) int {
	r, done, status := o.Parse(spec(name), args, 1)
	if done {
		return status
	}
	tty := o.Stdout.Mode() == stdio.Line && stdio.IsTerminal(os.Stdout)
	files := r.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	var text strings.Builder
	for _, f := range files {
		var rd io.Reader = o.Stdin
		if f != "-" {
			fh, err := os.Open(o.Path(f))
			if err == nil {
				defer fh.Close()
				if st, serr := fh.Stat(); serr == nil && st.IsDir() {
					err = errDir
				}
			}
			if err != nil {
				complain(o, name, f, err, tty)
				continue
			}
			rd = fh
			if name == "more" && !tty {
				// util-linux more names each file when it is not paging
				o.Stdout.WriteString("::::::::::::::\n" + f + "\n::::::::::::::\n")
			}
		}
		if !tty {
			if _, err := o.Stdout.ReadFrom(rd); err != nil {
				if _, ok := err.(*stdio.ReadError); !ok {
					return o.WriteFailed(err)
				}
				complain(o, name, f, err, tty)
			}
			if name == "less" {
				break // less that is not paging shows only its first file
			}
			continue
		}
		b, err := io.ReadAll(io.LimitReader(rd, maxText))
		if err != nil {
			complain(o, name, f, err, tty)
			continue
		}
		text.Write(b)
	}
	if !tty {
		return o.Finish(0)
	}
	if err := o.Stdout.Flush(); err != nil {
		return o.WriteFailed(err)
	}
	title := name
	if len(r.Operands) == 1 {
		title = r.Operands[0]
	}
	run := pager.Run
	if name == "more" {
		run = pager.RunMore
	}
	if err := run(pager.NewText(text.String()), title); err != nil {
		o.Stdout.WriteString(text.String())
	}
	return o.Finish(0)
}

var errDir = errors.New("is a directory")

// complain reports a file that cannot be shown, in the words of the tool
// being imitated; neither changes its exit status for it.
func complain(o *applet.IO, name, f string, err error, tty bool) {
	o.Stdout.Flush()
	switch {
	case name == "more" && err == errDir:
		o.Stdout.WriteString("\n*** " + f + ": directory ***\n\n")
	case name == "more":
		fmt.Fprintf(o.Stderr, "more: cannot open %s: %s\n", f, errno.Message(err))
	case err == errDir:
		o.Stdout.WriteString(f + " is a directory\n") // on stdout, as less does
	default:
		o.Stdout.WriteString(f + ": " + errno.Message(err) + "\n")
	}
}

// maxText bounds what the pager holds, so that less /dev/zero ends and
// yes | less does not fill the memory of a small VM.
const maxText = 16 << 20
