package ldcache

import (
	"encoding/binary"
	"strings"
)

// hwcapsIndexBit marks an entry's hwcap field as an index into the hwcaps
// extension (see isHWCapsIndex).
const hwcapsIndexBit = 1 << 62

// Marshal returns c in the new layout ("glibc-ld.so.cache1.1",
// little-endian), which glibc's dynamic linker and ldconfig -p read: the
// header, the entries in c's order, the string table, and an extension
// block with the generator string and the glibc-hwcaps names the entries
// use. The teaching VM's image builder uses it to give the VM a cache of
// just the libraries it holds; the order of Entries is kept, so a subset
// of a sorted cache stays sorted as ldconfig sorts it.
func (c *Cache) Marshal() []byte {
	var hwcaps []string
	hwcapsIndex := map[string]int{}
	for _, e := range c.Entries {
		if _, ok := hwcapsIndex[e.HWCaps]; e.HWCaps != "" && !ok {
			hwcapsIndex[e.HWCaps] = len(hwcaps)
			hwcaps = append(hwcaps, e.HWCaps)
		}
	}

	// The string table follows the entries; offsets count from the header.
	stringsAt := headerNew + len(c.Entries)*entryNew
	var strs strings.Builder
	offsets := map[string]uint32{}
	offset := func(s string) uint32 {
		if off, ok := offsets[s]; ok {
			return off
		}
		off := uint32(stringsAt + strs.Len())
		strs.WriteString(s)
		strs.WriteByte(0)
		offsets[s] = off
		return off
	}
	b := make([]byte, headerNew, stringsAt)
	copy(b, magicNew+versionNew)
	le := binary.LittleEndian
	le.PutUint32(b[20:], uint32(len(c.Entries)))
	b[28] = 2 // little-endian
	for _, e := range c.Entries {
		hwcap := e.HWCap
		if e.HWCaps != "" {
			hwcap = hwcapsIndexBit | uint64(hwcapsIndex[e.HWCaps])
		} else if isHWCapsIndex(hwcap) {
			hwcap = 0 // an index into a list this cache does not carry
		}
		b = le.AppendUint32(b, uint32(e.Flags))
		b = le.AppendUint32(b, offset(e.Name))
		b = le.AppendUint32(b, offset(e.Path))
		b = le.AppendUint32(b, e.OSVersion)
		b = le.AppendUint64(b, hwcap)
	}
	hwcapsNames := make([]uint32, len(hwcaps))
	for i, name := range hwcaps {
		hwcapsNames[i] = offset(name)
	}
	le.PutUint32(b[24:], uint32(strs.Len()))
	b = append(b, strs.String()...)

	type section struct {
		tag  uint32
		data []byte
	}
	// The hwcaps section, an array of 32-bit offsets, goes first so that
	// it is aligned; the generator string may have any length.
	var sections []section
	if len(hwcaps) > 0 {
		var data []byte
		for _, off := range hwcapsNames {
			data = le.AppendUint32(data, off)
		}
		sections = append(sections, section{extHWCaps, data})
	}
	if c.Generator != "" {
		sections = append(sections, section{extGenerator, []byte(c.Generator)})
	}
	if len(sections) == 0 {
		return b
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	le.PutUint32(b[32:], uint32(len(b)))
	b = le.AppendUint32(b, extensionMagic)
	b = le.AppendUint32(b, uint32(len(sections)))
	dataAt := len(b) + 16*len(sections)
	for _, s := range sections {
		b = le.AppendUint32(b, s.tag)
		b = le.AppendUint32(b, 0) // flags
		b = le.AppendUint32(b, uint32(dataAt))
		b = le.AppendUint32(b, uint32(len(s.data)))
		dataAt += len(s.data)
	}
	for _, s := range sections {
		b = append(b, s.data...)
	}
	return b
}
