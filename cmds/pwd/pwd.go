// Package pwd implements pwd(1): print the name of the working directory.
//
// Like GNU's /bin/pwd (not the shell builtin), the default is -P: the
// physical name from getcwd(2), with every symbolic link resolved, unless
// POSIXLY_CORRECT is set. -L prints $PWD instead when it is an absolute
// name without "." or ".." components that really is the working
// directory, which is how a shell remembers that you came in through a
// symbolic link.
package pwd

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed pwd.1
var manPage string

var Applet = applet.Applet{
	Name:    "pwd",
	Summary: "print name of current/working directory",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "pwd",
	Usage:   []string{"[OPTION]..."},
	Summary: "Print the full filename of the current working directory.",
	Options: []getopt.Option{
		{Short: 'L', Long: "logical", Help: "use PWD from environment, even if it contains symlinks"},
		{Short: 'P', Long: "physical", Help: "avoid all symlinks"},
	},
	Footer: "If no option is specified, -P is assumed.",
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	_, logical := io.LookupEnv("POSIXLY_CORRECT")
	for _, o := range r.Opts {
		switch o.Key {
		case "logical":
			logical = true
		case "physical":
			logical = false
		}
	}
	if len(r.Operands) > 0 {
		io.Errorf("ignoring non-option arguments")
	}
	if logical {
		if wd, ok := logicalWd(io); ok {
			fmt.Fprintln(io.Stdout, wd)
			return io.Finish(0)
		}
	}
	wd, err := fsname.Getwd(io.Dir)
	if err != nil {
		io.Errorf("couldn't get current directory: %s", errno.Message(err))
		return 1
	}
	fmt.Fprintln(io.Stdout, wd)
	return io.Finish(0)
}

// logicalWd returns $PWD if it may stand for the working directory.
func logicalWd(io *applet.IO) (string, bool) {
	pwd := io.Getenv("PWD")
	if !strings.HasPrefix(pwd, "/") {
		return "", false
	}
	for _, c := range strings.Split(pwd, "/") {
		if c == "." || c == ".." {
			return "", false
		}
	}
	here := io.Dir
	if here == "" {
		here = "."
	}
	var a, b unix.Stat_t
	if unix.Stat(pwd, &a) != nil || unix.Stat(here, &b) != nil || a.Dev != b.Dev || a.Ino != b.Ino {
		return "", false
	}
	return pwd, true
}
