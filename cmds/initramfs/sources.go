package initramfs

import "github.com/zinebox/zinebox/pkg/elfdeps"

// DefaultSources are the real parts of an image: this very process's
// binary, the teaching man pages, and the ELF dependency resolver (the
// same one ldd uses), so --add brings what ldd shows.
func DefaultSources() Sources {
	return Sources{Exe: "/proc/self/exe", Closure: elfdeps.Closure}
}
