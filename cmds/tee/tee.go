// Package tee implements tee(1) as GNU coreutils does: copy standard input
// to standard output and to files.
//
// tee passes on each read(2) as it arrives, to every output, without
// waiting to fill a buffer: in `slow | tee log | less`, lines reach less
// as slow writes them.
package tee

import (
	_ "embed"
	goio "io"
	"os"
	"os/signal"
	"syscall"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
)

//go:embed tee.1
var manPage string

var Applet = applet.Applet{
	Name:    "tee",
	Summary: "read from standard input and write to standard output and files",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "tee",
	Usage:   []string{"[OPTION]... [FILE]..."},
	Summary: "Copy standard input to each FILE, and also to standard output.",
	Options: []getopt.Option{
		{Short: 'a', Long: "append", Help: "append to the given FILEs, do not overwrite"},
		{Short: 'i', Long: "ignore-interrupts", Help: "ignore interrupt signals"},
		{Short: 'p', Help: "diagnose errors writing to non pipes"},
		{Long: "output-error", Arg: getopt.OptionalArg, ArgName: "MODE", Help: "set behavior on write error.  See MODE below"},
	},
	Footer: `MODE determines behavior with write errors on the outputs:
  warn           diagnose errors writing to any output
  warn-nopipe    diagnose errors writing to any output not a pipe
  exit           exit on error writing to any output
  exit-nopipe    exit on error writing to any output not a pipe
The default MODE for the -p option is 'warn-nopipe'.
The default operation when --output-error is not specified, is to
exit immediately on error writing to a pipe, and diagnose errors
writing to non pipe outputs.`,
}

// output is one destination; a failed one is dropped and the copy goes on.
type output struct {
	name string
	w    goio.Writer
	file *os.File // nil for standard output
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	exitOnError, ignorePipes := false, false
	for _, o := range r.Opts {
		switch o.Key {
		case "append":
			flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
		case "ignore-interrupts":
			signal.Ignore(syscall.SIGINT)
		case "p":
			ignorePipes = true
		case "output-error":
			switch o.Value {
			case "", "warn-nopipe":
				ignorePipes = true
			case "warn":
			case "exit":
				exitOnError = true
			case "exit-nopipe":
				exitOnError, ignorePipes = true, true
			default:
				io.Errorf("invalid argument '%s' for '--output-error'", o.Value)
				io.Stderr.Write([]byte("Valid arguments are:\n  - 'warn'\n  - 'warn-nopipe'\n  - 'exit'\n  - 'exit-nopipe'\n"))
				return io.TryHelp(1)
			}
		}
	}
	if ignorePipes {
		// With -p a closed pipe is an error to skip, not a reason to die.
		signal.Ignore(syscall.SIGPIPE)
	}
	status = 0
	outs := []*output{{name: "standard output", w: io.Stdout}}
	for _, name := range r.Operands {
		f, err := os.OpenFile(io.Path(name), flags, 0o666)
		if err != nil {
			status = io.PathError(name, err)
			continue
		}
		outs = append(outs, &output{name: name, w: f, file: f})
	}
	defer func() {
		for _, o := range outs {
			if o != nil && o.file != nil {
				o.file.Close()
			}
		}
	}()
	buf := make([]byte, 128<<10)
	live := len(outs)
	for live > 0 {
		n, rerr := io.Stdin.Read(buf)
		for i, o := range outs {
			if o == nil || n == 0 {
				continue
			}
			_, err := o.w.Write(buf[:n])
			if err == nil && o.file == nil {
				err = io.Stdout.Flush()
			}
			if err == nil {
				continue
			}
			outs[i], live = nil, live-1
			if stdio.IsEPIPE(err) && ignorePipes {
				continue
			}
			if stdio.IsEPIPE(err) && o.file == nil {
				return io.WriteFailed(err)
			}
			io.Errorf("%s: %s", o.name, errno.Message(err))
			status = 1
			if exitOnError {
				return status
			}
		}
		if rerr == goio.EOF {
			break
		}
		if rerr != nil {
			io.Errorf("read error: %s", errno.Message(rerr))
			return 1
		}
	}
	for _, o := range outs {
		if o != nil && o.file != nil {
			if err := o.file.Close(); err != nil {
				status = io.PathError(o.name, err)
			}
			o.file = nil
		}
	}
	return status
}
