// Package false implements false(1): do nothing, unsuccessfully.
package false

import (
	_ "embed"

	truecmd "github.com/zinebox/zinebox/cmds/true"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed false.1
var manPage string

var Applet = applet.Applet{
	Name:    "false",
	Summary: "do nothing, unsuccessfully",
	Man:     &manPage,
	Main:    func(io *applet.IO, args []string) int { return truecmd.Run(io, args, &spec, 1) },
}

var spec = getopt.Spec{
	Prog:    "false",
	Usage:   []string{"[ignored command line arguments]", "OPTION"},
	Summary: "Exit with a status code indicating failure.",
}
