// Package applet defines what every zinebox tool is: a name, a one-line
// summary, a man page, and a main function that takes its input and output
// from an IO instead of from globals, so that tests can run an applet many
// times in one process and the multicall binary can run it for real.
//
// The package knows no applet by name; cmds/zinebox holds the one list.
package applet

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
)

// Version is what every applet's --version prints after its name.
const Version = "0.1.0"

// Applet is one tool of the multicall binary.
type Applet struct {
	Name    string // argv[0] that selects it: "ls"
	Summary string // one line for `zinebox --list -v` and whatis: "list directory contents"
	Section string // man section of Man; "" means "1"
	// Man points to the roff source of its man page, embedded from
	// cmds/<name>/<name>.<section>. A pointer, because `Man: &manPage` is
	// a link-time constant while `Man: manPage` (copying another
	// variable) makes the compiler write an init function for every
	// applet package: sixty small functions scattered through the binary
	// that every start-up of every applet would page in.
	Man *string
	// Main runs the applet with args (without argv[0]) and returns its exit
	// status. It must not call os.Exit: the caller flushes and exits.
	Main func(io *IO, args []string) int
}

// Page returns the roff source of the applet's man page ("" if it has none).
func (a *Applet) Page() string {
	if a.Man == nil {
		return ""
	}
	return *a.Man
}

// ManSection returns the section of the applet's man page.
func (a *Applet) ManSection() string {
	if a.Section == "" {
		return "1"
	}
	return a.Section
}

// IO is everything an applet may touch of its process: standard streams,
// environment, working directory, and the list of applets it may run.
type IO struct {
	// Name is how the applet names itself in messages and --help: argv[0]
	// as it was invoked, as GNU tools do ("/bin/cat: x: No such file or
	// directory"), or the applet's name when run as `zinebox APPLET`.
	Name   string
	Stdin  io.Reader
	Stdout *stdio.Writer
	Stderr io.Writer
	Env    []string
	// Dir is the working directory for relative paths; "" means the process's
	// own. Applets open files through Path so tests can point them elsewhere.
	Dir string
	// Applets is the multicall binary's registry, for applets that need to
	// know the others (the shell runs them, man shows their pages, initramfs
	// links them).
	Applets []*Applet

	writeFailed bool // a write error on Stdout has been reported
}

// Getenv returns the value of the environment variable name, or "".
func (o *IO) Getenv(name string) string {
	v, _ := o.LookupEnv(name)
	return v
}

// LookupEnv returns the value of name and whether it is set; the last
// assignment wins, as in getenv(3) over a list built by appending.
func (o *IO) LookupEnv(name string) (string, bool) {
	for i := len(o.Env) - 1; i >= 0; i-- {
		if v, ok := strings.CutPrefix(o.Env[i], name+"="); ok {
			return v, true
		}
	}
	return "", false
}

// Path resolves a file operand against Dir. It joins without cleaning:
// "link/" and "dir/.." mean something different from "link" and ".", and
// GNU tools honour the difference.
func (o *IO) Path(name string) string {
	if o.Dir == "" || name == "" || strings.HasPrefix(name, "/") {
		return name // "" stays "": opening it must fail with ENOENT
	}
	return strings.TrimSuffix(o.Dir, "/") + "/" + name
}

// StdinFile returns standard input as an *os.File when it is one (for stat,
// isatty, splice), or nil.
func (o *IO) StdinFile() *os.File {
	f, _ := o.Stdin.(*os.File)
	return f
}

// Errorf prints "NAME: message" on standard error, as GNU's error(3) does.
func (o *IO) Errorf(format string, args ...any) {
	o.Stdout.Flush() // keep stdout and stderr in the order they were written
	fmt.Fprintf(o.Stderr, o.Name+": "+format+"\n", args...)
}

// PathError prints "NAME: PATH: glibc message" for err and returns 1, the
// status most tools use for a failed operand.
func (o *IO) PathError(path string, err error) int {
	o.Errorf("%s: %s", path, errno.Message(err))
	return 1
}

// TryHelp prints GNU's hint after a usage error and returns status.
func (o *IO) TryHelp(status int) int {
	fmt.Fprintf(o.Stderr, "Try '%s --help' for more information.\n", o.Name)
	return status
}

// UsageError prints a command-line error and GNU's hint, and returns status.
func (o *IO) UsageError(status int, format string, args ...any) int {
	o.Errorf(format, args...)
	return o.TryHelp(status)
}

// Parse parses args with spec. When it returns done, the applet returns
// status at once: --help or --version was answered (0), or the command line
// was wrong and the error was printed (usageStatus, the tool's own code for
// bad usage: 1 for most, 2 for ls, 125 for env).
func (o *IO) Parse(spec *getopt.Spec, args []string, usageStatus int) (r *getopt.Result, done bool, status int) {
	_, posix := o.LookupEnv("POSIXLY_CORRECT")
	if spec.Prog != o.Name {
		// GNU tools name themselves as invoked: "Usage: /bin/cat ...".
		named := *spec
		named.Prog = o.Name
		spec = &named
	}
	r, err := spec.Parse(args, posix)
	if err != nil {
		return nil, true, o.UsageError(usageStatus, "%s", err)
	}
	for _, opt := range r.Opts {
		switch opt.Key {
		case "help":
			o.Stdout.WriteString(spec.Help())
			return nil, true, o.Finish(0)
		case "version":
			fmt.Fprintf(o.Stdout, "%s (zinebox) %s\n", spec.Prog, Version)
			return nil, true, o.Finish(0)
		}
	}
	return r, false, 0
}

// Finish flushes standard output and returns status, or the status of a
// write failure: 141 without a message for EPIPE (what dying of SIGPIPE
// would give; see WriteFailed), 1 with GNU's "write error" message otherwise.
func (o *IO) Finish(status int) int {
	if err := o.Stdout.Flush(); err != nil {
		if o.writeFailed { // already reported; the applet's status says so
			return status
		}
		return o.WriteFailed(err)
	}
	return status
}

// WriteFailed reports a failed write to standard output and returns the
// status the applet should exit with. A reader that went away (EPIPE) ends
// the applet quietly with 141, as SIGPIPE would; in the real process the Go
// runtime has usually already died of SIGPIPE on such a write to fd 1.
func (o *IO) WriteFailed(err error) int {
	o.writeFailed = true
	if stdio.IsEPIPE(err) {
		return 128 + 13
	}
	fmt.Fprintf(o.Stderr, "%s: write error: %s\n", o.Name, errno.Message(err))
	return 1
}

// Open opens a file operand for reading; "-" is standard input, which the
// returned closer leaves open.
func (o *IO) Open(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(o.Stdin), nil
	}
	return os.Open(o.Path(name))
}
