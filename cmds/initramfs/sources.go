package initramfs

import (
	"github.com/zinebox/zinebox/pkg/elfdeps"
	"github.com/zinebox/zinebox/pkg/ldcache"
	"github.com/zinebox/zinebox/pkg/manpages"
)

// DefaultSources are the real parts of an image: this very process's
// binary, the teaching man pages (man 7 zinebox and friends), and the ELF
// dependency resolver (the one ldd uses), so --add brings what ldd shows,
// and the host's ld.so.cache, cut down to what --add brought.
func DefaultSources() Sources {
	return Sources{Exe: "/proc/self/exe", ManPages: manpages.FS(), Closure: elfdeps.Closure, LDCache: ldcache.DefaultPath}
}
