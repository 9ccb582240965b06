// Package halt implements halt(8): ask init to stop the machine without
// turning it off. The code is poweroff's; see package poweroff.
package halt

import (
	_ "embed"

	"github.com/zinebox/zinebox/cmds/poweroff"
	"github.com/zinebox/zinebox/pkg/applet"
	"golang.org/x/sys/unix"
)

//go:embed halt.8
var manPage string

// Applet is halt.
var Applet = applet.Applet{
	Name:    "halt",
	Summary: "stop the machine",
	Section: "8",
	Man:     &manPage,
	Main: func(io *applet.IO, args []string) int {
		return poweroff.Run(io, args, poweroff.Action{Prog: "halt", Summary: "Halt the system.", Signal: unix.SIGUSR1, Cmd: unix.LINUX_REBOOT_CMD_HALT})
	},
}
