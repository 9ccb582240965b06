// Package true implements true(1): do nothing, successfully.
//
// Like GNU true, a lone --help or --version is answered; any other
// argument is ignored.
package true

import (
	_ "embed"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/getopt"
)

//go:embed true.1
var manPage string

var Applet = applet.Applet{
	Name:    "true",
	Summary: "do nothing, successfully",
	Man:     &manPage,
	Main:    func(io *applet.IO, args []string) int { return Run(io, args, &spec, 0) },
}

var spec = getopt.Spec{
	Prog:    "true",
	Usage:   []string{"[ignored command line arguments]", "OPTION"},
	Summary: "Exit with a status code indicating success.",
}

// Run is shared with false(1): it answers a lone --help or --version as GNU
// does (false(1) still returns 1 then, as GNU false does) and otherwise
// returns status.
func Run(io *applet.IO, args []string, spec *getopt.Spec, status int) int {
	if len(args) == 1 && (args[0] == "--help" || args[0] == "--version") {
		if _, _, st := io.Parse(spec, args, status); st != 0 {
			return st // writing the text failed
		}
	}
	return status
}
