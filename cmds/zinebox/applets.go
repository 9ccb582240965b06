package main

import (
	falsecmd "github.com/zinebox/zinebox/cmds/false"
	"github.com/zinebox/zinebox/cmds/kill"
	"github.com/zinebox/zinebox/cmds/ldconfig"
	truecmd "github.com/zinebox/zinebox/cmds/true"
	"github.com/zinebox/zinebox/pkg/applet"
)

// applets is the registry: every applet of the binary, sorted by name.
// Adding an applet is a folder under cmds/ and one line here.
var applets = []*applet.Applet{
	&falsecmd.Applet,
	&kill.Applet,
	&ldconfig.Applet,
	&truecmd.Applet,
}
