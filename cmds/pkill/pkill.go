// Package pkill implements pkill(1): signal the processes pgrep(1) would
// list. The matching is cmds/pgrep's; see there.
package pkill

import (
	_ "embed"

	"github.com/zinebox/zinebox/cmds/pgrep"
	"github.com/zinebox/zinebox/pkg/applet"
)

//go:embed pkill.1
var manPage string

var Applet = applet.Applet{
	Name:    "pkill",
	Summary: "signal processes by name and other attributes",
	Man:     &manPage,
	Main:    func(io *applet.IO, args []string) int { return pgrep.Run(io, args, true) },
}
