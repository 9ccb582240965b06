// Package mkfifo implements mkfifo(1): make FIFO special files (named
// pipes), the files the zine's "pipes" page shows with a p in ls -l.
//
// As GNU mkfifo does, -m MODE is applied to a=rw (0666) and then set
// exactly, whatever the umask; without -m the umask applies. An existing
// file of any kind is left alone and reported; the other names are still
// created and the exit status is 1.
package mkfifo

import (
	_ "embed"

	"golang.org/x/sys/unix"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/fsname"
	"github.com/zinebox/zinebox/pkg/getopt"
	"github.com/zinebox/zinebox/pkg/mode"
	"github.com/zinebox/zinebox/pkg/quote"
)

//go:embed mkfifo.1
var manPage string

var Applet = applet.Applet{
	Name:    "mkfifo",
	Summary: "make FIFOs (named pipes)",
	Man:     &manPage,
	Main:    run,
}

var spec = getopt.Spec{
	Prog:    "mkfifo",
	Usage:   []string{"[OPTION]... NAME..."},
	Summary: "Create named pipes (FIFOs) with the given NAMEs.",
	Options: []getopt.Option{
		{Short: 'm', Long: "mode", Arg: getopt.RequiredArg, ArgName: "MODE", Help: "set file permission bits to MODE, not a=rw - umask"},
		{Short: 'Z', Help: "set the SELinux security context to default type (ignored)"},
		{Long: "context", Arg: getopt.OptionalArg, ArgName: "CTX", Help: "like -Z, or if CTX is specified then set the SELinux\nor SMACK security context to CTX (ignored)"},
	},
}

func run(io *applet.IO, args []string) int {
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	q := quote.ForEnv(io.Env)
	modeStr, hasMode := r.Last("mode")
	for _, o := range r.Opts {
		if o.Key == "context" && o.HasArg {
			io.Errorf("warning: ignoring --context; it requires an SELinux/SMACK-enabled kernel")
		}
	}
	if len(r.Operands) == 0 {
		return io.UsageError(1, "missing operand")
	}
	perm := uint32(0o666)
	if hasMode {
		m, err := mode.Parse(modeStr)
		if err != nil {
			io.Errorf("invalid mode")
			return 1
		}
		perm, _ = m.Apply(0o666, false, mode.Umask())
		if perm&^mode.Perm != 0 {
			io.Errorf("mode must specify only file permission bits")
			return 1
		}
	}
	status = 0
	for _, name := range r.Operands {
		path := fsname.Join(io.Dir, name)
		if err := unix.Mkfifo(path, perm); err != nil {
			io.Errorf("cannot create fifo %s: %s", q.Always(name), errno.Message(err))
			status = 1
			continue
		}
		// The umask may have cleared bits that -m asked for.
		if hasMode {
			if err := unix.Fchmodat(unix.AT_FDCWD, path, perm, 0); err != nil {
				io.Errorf("cannot set permissions of %s: %s", q.Always(name), errno.Message(err))
				status = 1
			}
		}
	}
	return status
}
