// Package ldcache reads /etc/ld.so.cache, the index that ldconfig(8) builds
// so that the dynamic linker need not scan directories: it maps a soname
// ("libz.so.1") to the file that provides it.
//
// Two layouts exist. The "new" one (glibc 2.x, "glibc-ld.so.cache1.1") is a
// 48-byte header, 24-byte entries and a string table whose offsets count from
// the start of that header, optionally followed by an extension block holding
// the name of the generating ldconfig and the list of glibc-hwcaps
// subdirectories (x86-64-v3, ...) that entries may refer to. The "old" one
// ("ld.so-1.7.0") has 12-byte entries; old ldconfigs wrote it first and the
// new layout after it, and readers then use the new part.
//
// The file is untrusted input as far as this package is concerned: every
// count and offset is checked against the data before it is used, and
// strings are slices of one copy of the file, so hostile offsets cannot make
// the reader allocate more than the file's size.
package ldcache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
)

// DefaultPath is where the dynamic linker looks for the cache.
const DefaultPath = "/etc/ld.so.cache"

const (
	magicOld   = "ld.so-1.7.0"
	magicNew   = "glibc-ld.so.cache"
	versionNew = "1.1"
	headerNew  = 48 // magic, version, nlibs, len_strings, flags, pad, extension offset, unused
	entryNew   = 24 // flags, key, value, osversion, hwcap
	headerOld  = 16 // magic[11] padded to 12, nlibs
	entryOld   = 12 // flags, key, value

	extensionMagic = 0xEAA42174
	extGenerator   = 0
	extHWCaps      = 1
)

// Entry flags, as ldconfig writes them: the low byte is the kind of library,
// the next byte the ABI it requires.
const (
	FlagTypeMask     = 0x00ff
	FlagLibc4        = 0x0000
	FlagELF          = 0x0001
	FlagELFLibc5     = 0x0002
	FlagELFLibc6     = 0x0003
	FlagRequiredMask = 0xff00
	FlagX8664Lib64   = 0x0300

	// FlagsX8664 is what a 64-bit x86 glibc library is recorded with.
	FlagsX8664 = FlagELFLibc6 | FlagX8664Lib64
)

// ErrNotCache is returned for data that is not an ld.so.cache; its text is
// ldconfig's.
var ErrNotCache = errors.New("File is not a cache file.")

// Entry is one library of the cache.
type Entry struct {
	Flags     int32
	Name      string // the soname the linker looks up: "libz.so.1"
	Path      string // the file: "/lib/x86_64-linux-gnu/libz.so.1"
	OSVersion uint32 // minimum kernel version (from the ABI note), 0 if none
	HWCap     uint64 // legacy hardware capability bits, or a hwcaps index
	// HWCaps is the glibc-hwcaps subdirectory the entry belongs to
	// ("x86-64-v3"), "" for an ordinary entry.
	HWCaps string
}

// Cache is a parsed ld.so.cache.
type Cache struct {
	New       bool    // whether the entries come from the new layout
	Entries   []Entry // in file order (sorted by ldconfig, most specific first)
	Generator string  // "ldconfig (Debian GLIBC 2.36-9) ...", "" if absent
}

// Load reads and parses the cache file at path.
func Load(path string) (*Cache, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse parses the contents of a cache file.
func Parse(data []byte) (*Cache, error) {
	s := string(data) // one copy; every string below is a slice of it
	if strings.HasPrefix(s, magicOld) {
		return parseOld(s)
	}
	if !strings.HasPrefix(s, magicNew+versionNew) {
		return nil, ErrNotCache
	}
	return parseNew(s, 0)
}

// parseOld reads the old layout and, when the new layout follows it, returns
// that instead, as glibc does.
func parseOld(s string) (*Cache, error) {
	if len(s) < headerOld {
		return nil, ErrNotCache
	}
	n := u32(s, 12)
	if uint64(n) > uint64(len(s)-headerOld)/entryOld {
		return nil, ErrNotCache
	}
	end := headerOld + int(n)*entryOld
	// The new layout starts at the next multiple of its header's alignment,
	// which its 64-bit hwcap fields make 8 on 64-bit ABIs.
	newAt := (end + 7) &^ 7
	if len(s) > newAt+headerNew && strings.HasPrefix(s[newAt:], magicNew+versionNew) {
		return parseNew(s, newAt)
	}
	c := &Cache{}
	strs := s[end:] // old-layout string offsets count from the end of the table
	c.Entries = make([]Entry, 0, n)
	for i := 0; i < int(n); i++ {
		at := headerOld + i*entryOld
		name, ok1 := cstring(strs, u32(s, at+4))
		path, ok2 := cstring(strs, u32(s, at+8))
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("ldcache: entry %d: %w", i, ErrNotCache)
		}
		c.Entries = append(c.Entries, Entry{Flags: int32(u32(s, at)), Name: name, Path: path})
	}
	return c, nil
}

// parseNew reads the new layout whose header is at base.
func parseNew(s string, base int) (*Cache, error) {
	if len(s)-base < headerNew {
		return nil, ErrNotCache
	}
	h := s[base:] // string offsets count from the header
	n := u32(h, 20)
	if uint64(n) > uint64(len(h)-headerNew)/entryNew {
		return nil, ErrNotCache
	}
	if h[28] != 0 && h[28] != 2 { // 0: unknown (old ldconfig), 1: big-endian, 2: little-endian
		return nil, fmt.Errorf("ldcache: byte order %d: %w", h[28], ErrNotCache)
	}
	c := &Cache{New: true}
	hwcaps, gen, err := parseExtension(h, u32(h, 32))
	if err != nil {
		return nil, err
	}
	c.Generator = gen
	c.Entries = make([]Entry, 0, n)
	for i := 0; i < int(n); i++ {
		at := headerNew + i*entryNew
		e := Entry{
			Flags:     int32(u32(h, at)),
			OSVersion: u32(h, at+12),
			HWCap:     binary.LittleEndian.Uint64([]byte(h[at+16 : at+24])),
		}
		var ok1, ok2 bool
		e.Name, ok1 = cstring(h, u32(h, at+4))
		e.Path, ok2 = cstring(h, u32(h, at+8))
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("ldcache: entry %d: %w", i, ErrNotCache)
		}
		if isHWCapsIndex(e.HWCap) {
			if idx := uint32(e.HWCap); uint64(idx) < uint64(len(hwcaps)) {
				e.HWCaps = hwcaps[idx]
			}
		}
		c.Entries = append(c.Entries, e)
	}
	return c, nil
}

// isHWCapsIndex reports whether an entry's hwcap field is an index into the
// hwcaps extension rather than legacy capability bits: bit 62 set and
// nothing else in the upper half except bits 32-41, which glibc reserves.
func isHWCapsIndex(hwcap uint64) bool {
	return (hwcap>>32)&^0x3ff == 1<<30
}

// parseExtension reads the extension block at off (0: none) and returns the
// hwcaps subdirectory names and the generator string.
func parseExtension(h string, off uint32) (hwcaps []string, gen string, err error) {
	if off == 0 {
		return nil, "", nil
	}
	if uint64(off)+8 > uint64(len(h)) || off%4 != 0 {
		return nil, "", nil // glibc ignores an extension it cannot find
	}
	if u32(h, int(off)) != extensionMagic {
		return nil, "", nil
	}
	count := u32(h, int(off)+4)
	if uint64(count) > uint64(len(h)-int(off)-8)/16 {
		return nil, "", fmt.Errorf("ldcache: extension count %d: %w", count, ErrNotCache)
	}
	for i := 0; i < int(count); i++ {
		at := int(off) + 8 + i*16
		tag, soff, size := u32(h, at), u32(h, at+8), u32(h, at+12)
		if uint64(soff)+uint64(size) > uint64(len(h)) {
			return nil, "", fmt.Errorf("ldcache: extension section %d: %w", i, ErrNotCache)
		}
		sec := h[soff : soff+size]
		switch tag {
		case extGenerator:
			gen = sec
		case extHWCaps:
			if size%4 != 0 {
				return nil, "", fmt.Errorf("ldcache: hwcaps section size %d: %w", size, ErrNotCache)
			}
			hwcaps = make([]string, 0, size/4)
			for j := 0; j+4 <= len(sec); j += 4 {
				name, ok := cstring(h, u32(sec, j))
				if !ok {
					return nil, "", fmt.Errorf("ldcache: hwcaps name %d: %w", j/4, ErrNotCache)
				}
				hwcaps = append(hwcaps, name)
			}
		}
	}
	return hwcaps, gen, nil
}

// u32 reads a little-endian uint32 at off; callers have checked the bounds.
func u32(s string, off int) uint32 {
	return uint32(s[off]) | uint32(s[off+1])<<8 | uint32(s[off+2])<<16 | uint32(s[off+3])<<24
}

// cstring returns the NUL-terminated string at off in s, or false when off
// is outside s or the string runs off its end.
func cstring(s string, off uint32) (string, bool) {
	if uint64(off) >= uint64(len(s)) {
		return "", false
	}
	rest := s[off:]
	i := strings.IndexByte(rest, 0)
	if i < 0 {
		return "", false
	}
	return rest[:i], true
}

// Lookup returns the path the dynamic linker takes from the cache for the
// soname name, for a library with flags (FlagsX8664 on x86-64). priority
// ranks glibc-hwcaps subdirectory names: 0 means the CPU cannot use it, a
// higher number is preferred (x86-64-v4 over v3). Entries with legacy hwcap
// bits are skipped: glibc 2.36 on x86-64 uses none.
func (c *Cache) Lookup(name string, flags int32, priority func(hwcaps string) int) (string, bool) {
	best, bestPrio := -1, -1
	for i := range c.Entries {
		e := &c.Entries[i]
		if e.Name != name || !flagsMatch(e.Flags, flags) {
			continue
		}
		prio := 0
		switch {
		case e.HWCaps != "":
			if priority == nil {
				continue
			}
			if prio = priority(e.HWCaps); prio <= 0 {
				continue
			}
		case e.HWCap != 0:
			continue
		}
		if prio > bestPrio {
			best, bestPrio = i, prio
		}
	}
	if best < 0 {
		return "", false
	}
	return c.Entries[best].Path, true
}

// flagsMatch reports whether an entry recorded with have suits a program
// that wants want: same ABI, and an ELF libc6 library (or plain ELF).
func flagsMatch(have, want int32) bool {
	if have&FlagRequiredMask != want&FlagRequiredMask {
		return false
	}
	t := have & FlagTypeMask
	return t == FlagELF || t == want&FlagTypeMask
}

// Describe returns the part of `ldconfig -p` output between the parentheses:
// "libc6,x86-64", `libc6,x86-64, hwcap: "x86-64-v3"`, "libc6, OS ABI: Linux 2.6.32".
func (e *Entry) Describe() string {
	var b strings.Builder
	switch e.Flags & FlagTypeMask {
	case FlagLibc4:
		b.WriteString("libc4")
	case FlagELF:
		b.WriteString("ELF")
	case FlagELFLibc5:
		b.WriteString("libc5")
	case FlagELFLibc6:
		b.WriteString("libc6")
	default:
		b.WriteString("unknown")
	}
	if abi := e.Flags & FlagRequiredMask; abi != 0 {
		b.WriteString(abiName(abi))
	}
	if e.HWCaps != "" {
		b.WriteString(", hwcap: \"" + e.HWCaps + "\"")
	} else if e.HWCap != 0 {
		fmt.Fprintf(&b, ", hwcap: 0x%016x", e.HWCap)
	}
	if e.OSVersion != 0 {
		os := e.OSVersion >> 24
		names := [...]string{"Linux", "Hurd", "Solaris", "FreeBSD", "kNetBSD", "Syllable", "Unknown OS"}
		if os > uint32(len(names)-1) {
			os = uint32(len(names) - 1)
		}
		fmt.Fprintf(&b, ", OS ABI: %s %d.%d.%d", names[os],
			(e.OSVersion>>16)&0xff, (e.OSVersion>>8)&0xff, e.OSVersion&0xff)
	}
	return b.String()
}

// abiName is the ",x86-64"-style suffix ldconfig prints for the required-ABI
// byte of the flags.
func abiName(abi int32) string {
	switch abi {
	case 0x0100, 0x0400, 0x0500, 0x0700:
		return ",64bit" // SPARC, S/390, PowerPC, MIPS n64
	case 0x0200:
		return ",IA-64"
	case 0x0300:
		return ",x86-64"
	case 0x0600:
		return ",N32"
	case 0x0800:
		return ",x32"
	case 0x0900:
		return ",hard-float"
	case 0x0a00:
		return ",AArch64"
	case 0x0b00:
		return ",soft-float"
	case 0x0c00:
		return ",nan2008"
	case 0x0d00:
		return ",N32,nan2008"
	case 0x0e00:
		return ",64bit,nan2008"
	case 0x0f00:
		return ",soft-float"
	case 0x1000:
		return ",double-float"
	}
	return fmt.Sprintf(",%d", abi)
}
