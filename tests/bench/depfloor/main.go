// Command depfloor is the floor program plus the libraries zinebox must
// link whatever its applets do: mvdan.cc/sh's syntax and expand packages
// (the shell's parser and word expansion). Their package initialisation
// (syntax compiles a regular expression at start-up, which pulls in
// regexp and unicode's tables) runs before any applet's main, so
// `zinebox true` can never start faster than this; `make bench` reports
// it next to the plain floor to show what the applets themselves add.
package main

import (
	"os"

	_ "mvdan.cc/sh/v3/expand"
	_ "mvdan.cc/sh/v3/syntax"
)

func main() { os.Exit(0) }
