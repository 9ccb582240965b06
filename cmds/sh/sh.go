// Package sh is the sh applet: zinebox's POSIX shell. The shell itself
// lives in package shell; this is its entry in the multicall binary.
package sh

import (
	_ "embed"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/shell"
)

//go:embed sh.1
var manPage string

// Applet is `sh`, also reached as `zinebox sh`.
var Applet = applet.Applet{
	Name:    "sh",
	Summary: "command interpreter (POSIX shell)",
	Man:     &manPage,
	Main:    shell.Main,
}
