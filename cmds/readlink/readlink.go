// Package readlink implements readlink(1): print where a symbolic link
// points, or with -f/-e/-m the canonical absolute name of a file, with
// every symbolic link, "." and ".." resolved.
//
// The three canonicalizing modes differ only in what must exist: -e every
// component, -f every component but the last, -m none (a loop or a file
// used as a directory is then taken as missing too). Errors are silent
// unless -v is given, as in GNU readlink; the exit status still says.
package readlink

import (
	_ "embed"
	"fmt"
	"os"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/quote"
)

//go:embed readlink.1
var manPage string

var Applet = applet.Applet{
	Name:    "readlink",
	Summary: "print resolved symbolic links or canonical file names",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "readlink",
	Usage:   []string{"[OPTION]... FILE..."},
	Summary: "Print value of a symbolic link or canonical file name",
	Options: []getopt.Option{
		{Short: 'f', Long: "canonicalize", Help: "canonicalize by following every symlink in\nevery component of the given name recursively;\nall but the last component must exist"},
		{Short: 'e', Long: "canonicalize-existing", Help: "canonicalize by following every symlink in\nevery component of the given name recursively,\nall components must exist"},
		{Short: 'm', Long: "canonicalize-missing", Help: "canonicalize by following every symlink in\nevery component of the given name recursively,\nwithout requirements on components existence"},
		{Short: 'n', Long: "no-newline", Help: "do not output the trailing delimiter"},
		{Short: 'q', Long: "quiet", Help: ""},
		{Short: 's', Long: "silent", Help: "suppress most error messages (on by default)"},
		{Short: 'v', Long: "verbose", Help: "report error messages"},
		{Short: 'z', Long: "zero", Help: "end each output line with NUL, not newline"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	canon, how := false, fsname.AllButLast
	verbose := false
	for _, o := range r.Opts {
		switch o.Key {
		case "canonicalize":
			canon, how = true, fsname.AllButLast
		case "canonicalize-existing":
			canon, how = true, fsname.Existing
		case "canonicalize-missing":
			canon, how = true, fsname.Missing
		case "quiet", "silent":
			verbose = false
		case "verbose":
			verbose = true
		}
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing operand")
	}
	noNewline := r.Has("no-newline")
	if noNewline && len(r.Operands) > 1 {
		io.Errorf("ignoring --no-newline with multiple arguments")
		noNewline = false
	}
	end := "\n"
	if r.Has("zero") {
		end = "\x00"
	}
	if noNewline {
		end = ""
	}
	q := quote.ForEnv(io.Env)
	status = 0
	for _, name := range r.Operands {
		var out string
		var err error
		if canon {
			out, err = fsname.Canonicalize(io.Dir, name, how)
		} else {
			out, err = os.Readlink(fsname.Join(io.Dir, name))
			if name == "" {
				err = unix.ENOENT
			}
		}
		if err != nil {
			if verbose {
				io.Errorf("%s: %s", q.ShellColon(name), errno.Message(err))
			}
			status = 1
			continue
		}
		fmt.Fprintf(io.Stdout, "%s%s", out, end)
	}
	return io.Finish(status)
}
