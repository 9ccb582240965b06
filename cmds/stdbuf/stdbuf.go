// Package stdbuf implements stdbuf(1): run a command with its standard
// streams buffered as asked.
//
// C stdio picks a buffering mode when a program starts (line on a
// terminal, full otherwise). GNU stdbuf changes that choice for a program
// it starts by putting _STDBUF_I, _STDBUF_O and _STDBUF_E in its
// environment and preloading libstdbuf.so, whose constructor reads them and
// calls setvbuf(3). Every zinebox applet reads the same variables itself
// (package stdio), so no preloading is needed for them; for C programs we
// preload GNU's libstdbuf.so when it is installed, as GNU stdbuf does.
package stdbuf

import (
	_ "embed"
	"errors"
	"os"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/execpath"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/stdio"
	"golang.org/x/sys/unix"
)

//go:embed stdbuf.1
var manPage string

var Applet = applet.Applet{
	Name:    "stdbuf",
	Summary: "run COMMAND, with modified buffering operations for its standard streams",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:  "stdbuf",
	Usage: []string{"OPTION... COMMAND"},
	Summary: `Run COMMAND, with modified buffering operations for its standard streams.

Mandatory arguments to long options are mandatory for short options too.`,
	Options: []getopt.Option{
		{Short: 'i', Long: "input", Arg: getopt.RequiredArg, ArgName: "MODE", Help: "adjust standard input stream buffering"},
		{Short: 'o', Long: "output", Arg: getopt.RequiredArg, ArgName: "MODE", Help: "adjust standard output stream buffering"},
		{Short: 'e', Long: "error", Arg: getopt.RequiredArg, ArgName: "MODE", Help: "adjust standard error stream buffering"},
	},
	Footer: `If MODE is 'L' the corresponding stream will be line buffered.
This option is invalid with standard input.

If MODE is '0' the corresponding stream will be unbuffered.

Otherwise MODE is a number which may be followed by one of the following:
KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on for G.
In this case the corresponding stream will be fully buffered with the buffer
size set to MODE bytes.

NOTE: If COMMAND adjusts the buffering of its standard streams ('tee' does
for example) then that will override corresponding changes by 'stdbuf'.
Also some filters (like 'dd' and 'cat' etc.) don't use streams for I/O,
and are thus unaffected by 'stdbuf' settings.`,
	StopAtOperand: true,
}

// Exit statuses, as GNU stdbuf's.
const (
	statusFailed    = 125
	statusCannotRun = 126
	statusNotFound  = 127
)

// libstdbuf is where Debian's coreutils keeps the preload library.
const libstdbuf = "/usr/libexec/coreutils/libstdbuf.so"

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, statusFailed)
	if done {
		return status
	}
	if len(r.Operands) == 0 {
		io.Errorf("missing operand")
		return io.TryHelp(statusFailed)
	}
	env := append([]string(nil), io.Env...)
	set := false
	for _, o := range r.Opts {
		if o.Key == "input" && o.Value == "L" {
			io.Errorf("line buffering stdin is meaningless")
			return io.TryHelp(statusFailed)
		}
		if _, _, err := stdio.ParseStdbuf(o.Value); err != nil {
			io.Errorf("invalid mode '%s'", o.Value)
			return statusFailed
		}
		env = execpath.Setenv(env, variable(o.Key), o.Value)
		set = true
	}
	if !set {
		io.Errorf("you must specify a buffering mode option")
		return io.TryHelp(statusFailed)
	}
	if _, err := os.Stat(libstdbuf); err == nil {
		preload := libstdbuf
		if old, ok := execpath.Getenv(env, "LD_PRELOAD"); ok && old != "" {
			preload = old + ":" + libstdbuf
		}
		env = execpath.Setenv(env, "LD_PRELOAD", preload)
	}
	argv := r.Operands
	path, err := execpath.LookPath(argv[0], env)
	if err == nil {
		io.Stdout.Flush()
		err = unix.Exec(path, argv, env)
	}
	io.Errorf("failed to run command '%s': %s", argv[0], errno.Message(err))
	if errors.Is(err, unix.ENOENT) {
		return statusNotFound
	}
	return statusCannotRun
}

// variable names the environment variable for a stream option.
func variable(key string) string {
	switch key {
	case "input":
		return "_STDBUF_I"
	case "output":
		return "_STDBUF_O"
	}
	return "_STDBUF_E"
}
