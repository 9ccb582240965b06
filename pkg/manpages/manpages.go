// Package manpages holds the manual pages zinebox carries besides its
// applets' own: the teaching pages (section 7 and friends) that explain
// what the VM lets you try. man(1) reads them after the host's pages, and
// the VM image copies them into /usr/share/man.
//
// A page is a file man<N>/<name>.<N> in this directory; adding one needs
// no code.
package manpages

import (
	"embed"
	"io/fs"
)

//go:embed man*
var files embed.FS

// FS returns the pages, as man<N>/<name>.<N> files.
func FS() fs.FS { return files }
