// Package reboot implements reboot(8): ask init to restart the machine.
// The code is poweroff's; see package poweroff.
package reboot

import (
	_ "embed"

	"github.com/zinebox/zinebox/cmds/poweroff"
	"github.com/zinebox/zinebox/pkg/applet"
	"golang.org/x/sys/unix"
)

//go:embed reboot.8
var manPage string

// Applet is reboot.
var Applet = applet.Applet{
	Name:    "reboot",
	Summary: "stop the machine and restart it",
	Section: "8",
	Man:     &manPage,
	Main: func(io *applet.IO, args []string) int {
		return poweroff.Run(io, args, poweroff.Action{Prog: "reboot", Summary: "Reboot the system.", Signal: unix.SIGTERM, Cmd: unix.LINUX_REBOOT_CMD_RESTART})
	},
}
