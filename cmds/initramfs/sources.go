package initramfs

// DefaultSources are the real parts of an image: this very process's
// binary, the teaching man pages, and the ELF dependency resolver.
func DefaultSources() Sources {
	return Sources{Exe: "/proc/self/exe"}
}
