// Package env implements env(1) as GNU coreutils does: run a program in a
// modified environment, or print the environment.
//
// The zine's processes page uses it: `env A=val env` shows that a child
// inherits its environment from its parent, plus what env put in. When a
// COMMAND is given, env replaces itself with it through execve(2), so the
// command has env's PID: nothing of env is left running.
package env

import (
	_ "embed"
	"errors"
	"os"
	"strings"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/execpath"
	"github.com/zinebox/zinebox/pkg/getopt"
	"golang.org/x/sys/unix"
)

//go:embed env.1
var manPage string

var Applet = applet.Applet{
	Name:    "env",
	Summary: "run a program in a modified environment",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "env",
	Usage:   []string{"[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]"},
	Summary: "Set each NAME to VALUE in the environment and run COMMAND.\n\nMandatory arguments to long options are mandatory for short options too.",
	Options: []getopt.Option{
		{Short: 'i', Long: "ignore-environment", Help: "start with an empty environment"},
		{Short: '0', Long: "null", Help: "end each output line with NUL, not newline"},
		{Short: 'u', Long: "unset", Arg: getopt.RequiredArg, ArgName: "NAME", Help: "remove variable from the environment"},
		{Short: 'C', Long: "chdir", Arg: getopt.RequiredArg, ArgName: "DIR", Help: "change working directory to DIR"},
		{Short: 'S', Long: "split-string", Arg: getopt.RequiredArg, ArgName: "S", Help: "process and split S into separate arguments;\nused to pass multiple arguments on shebang lines"},
	},
	Footer: `A mere - implies -i.  If no COMMAND, print the resulting environment.

Exit status:
  125  if the env command itself fails
  126  if COMMAND is found but cannot be invoked
  127  if COMMAND cannot be found
  -    the exit status of COMMAND otherwise`,
	// Options end at the first NAME=VALUE or COMMAND: in `env ls -l`, -l
	// belongs to ls.
	StopAtOperand: true,
}

// Exit statuses of env itself, as GNU documents them.
const (
	statusFailed      = 125
	statusCannotRun   = 126
	statusNotFound    = 127
	statusUsageFailed = 125
)

func run(io *applet.IO, args []string) int {
	args, err := expandSplitStrings(args, func(name string) string {
		v, _ := io.LookupEnv(name)
		return v
	})
	if err != nil {
		io.Errorf("%s", err)
		return statusFailed
	}
	r, done, status := io.Parse(&spec, args, statusUsageFailed)
	if done {
		return status
	}
	env := append([]string(nil), io.Env...)
	nul := false
	dir := ""
	for _, o := range r.Opts {
		switch o.Key {
		case "ignore-environment":
			env = nil
		case "null":
			nul = true
		case "unset":
			if o.Value == "" || strings.Contains(o.Value, "=") {
				io.Errorf("cannot unset '%s': Invalid argument", o.Value)
				return statusFailed
			}
			env = execpath.Unsetenv(env, o.Value)
		case "chdir":
			dir = o.Value
		}
	}
	operands := r.Operands
	if len(operands) > 0 && operands[0] == "-" {
		env, operands = nil, operands[1:]
	}
	for len(operands) > 0 && strings.Contains(operands[0], "=") && !strings.HasPrefix(operands[0], "=") {
		env = setenv(env, operands[0])
		operands = operands[1:]
	}
	if len(operands) == 0 {
		if dir != "" {
			return io.UsageError(statusUsageFailed, "must specify command with --chdir (-C)")
		}
		end := "\n"
		if nul {
			end = "\x00"
		}
		for _, kv := range env {
			if _, err := io.Stdout.WriteString(kv + end); err != nil {
				return io.WriteFailed(err)
			}
		}
		return 0
	}
	if nul {
		return io.UsageError(statusUsageFailed, "cannot specify --null (-0) with command")
	}
	if dir != "" {
		if err := os.Chdir(io.Path(dir)); err != nil {
			io.Errorf("cannot change directory to '%s': %s", dir, errno.Message(err))
			return statusFailed
		}
	}
	return execCommand(io, operands, env)
}

// setenv sets NAME=VALUE as glibc's putenv(3) does, which GNU env uses: an
// existing NAME keeps its place in the environment (its first entry gets
// the new value), a new one goes at the end.
func setenv(env []string, kv string) []string {
	name, _, _ := strings.Cut(kv, "=")
	for i, old := range env {
		if n, _, _ := strings.Cut(old, "="); n == name {
			env[i] = kv
			return env
		}
	}
	return append(env, kv)
}

// execCommand replaces the process with argv[0], found through the PATH
// of the new environment as execvp(3) finds it. It returns only on failure.
func execCommand(io *applet.IO, argv, env []string) int {
	path, err := execpath.LookPath(argv[0], env)
	if err == nil {
		io.Stdout.Flush()
		err = unix.Exec(path, argv, env)
	}
	io.Errorf("'%s': %s", argv[0], errno.Message(err))
	if errors.Is(err, unix.ENOENT) {
		return statusNotFound
	}
	return statusCannotRun
}
