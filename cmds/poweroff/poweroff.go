// Package poweroff implements poweroff(8), and with it reboot(8) and
// halt(8): stop the machine.
//
// As in busybox, they do not stop anything themselves: they ask process 1
// by a signal (poweroff SIGUSR2, reboot SIGTERM, halt SIGUSR1), and init
// ends every process, syncs and calls reboot(2). With -f they skip init
// and call reboot(2) at once, as an emergency would.
package poweroff

import (
	_ "embed"
	"strconv"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/errno"
	"github.com/zinebox/zinebox/pkg/getopt"
	"golang.org/x/sys/unix"
)

//go:embed poweroff.8
var manPage string

// Applet is poweroff.
var Applet = applet.Applet{
	Name:    "poweroff",
	Summary: "stop the machine and turn its power off",
	Section: "8",
	Man:     &manPage,
	Main: func(io *applet.IO, args []string) int {
		return Run(io, args, Action{"poweroff", "Halt the system and turn off the power.", unix.SIGUSR2, unix.LINUX_REBOOT_CMD_POWER_OFF})
	},
}

// Action is what one of the three applets does.
type Action struct {
	Prog    string
	Summary string
	Signal  unix.Signal // the signal that asks init
	Cmd     int         // reboot(2)'s command for -f
}

// Run is poweroff, reboot or halt, as act says.
func Run(io *applet.IO, args []string, act Action) int {
	spec := getopt.Spec{
		Prog:    act.Prog,
		Usage:   []string{"[-d DELAY] [-n] [-f]"},
		Summary: act.Summary,
		Options: []getopt.Option{
			{Short: 'd', Arg: getopt.RequiredArg, ArgName: "SEC", Help: "wait SEC seconds first"},
			{Short: 'n', Help: "do not sync"},
			{Short: 'f', Help: "force: call reboot(2) now, without asking init"},
		},
	}
	r, done, status := io.Parse(&spec, args, 1)
	if done {
		return status
	}
	if len(r.Operands) > 0 {
		return io.UsageError(1, "extra operand '%s'", r.Operands[0])
	}
	if d, ok := r.Last("d"); ok {
		secs, err := strconv.ParseFloat(d, 64)
		if err != nil || secs < 0 {
			return io.UsageError(1, "invalid delay '%s'", d)
		}
		time.Sleep(time.Duration(secs * float64(time.Second)))
	}
	if !r.Has("f") {
		if err := unix.Kill(1, act.Signal); err != nil {
			io.Errorf("cannot signal init: %s", errno.Message(err))
			return 1
		}
		return 0
	}
	if !r.Has("n") {
		unix.Sync()
	}
	err := unix.Reboot(act.Cmd)
	io.Errorf("%s", errno.Message(err))
	return 1
}
