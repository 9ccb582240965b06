package elf

import (
	"bytes"
	"strings"
)

// Prog is one program header: a segment, in the form of either class.
type Prog struct {
	Type   ProgType
	Flags  uint32 // PF_X 1, PF_W 2, PF_R 4
	Off    uint64 // where the segment's bytes are in the file
	Vaddr  uint64 // where they are mapped
	Paddr  uint64
	Filesz uint64 // bytes in the file
	Memsz  uint64 // bytes in memory (more: .bss is zero-filled)
	Align  uint64
}

// Progs reads the program header table. Like the kernel and ld.so, it
// accepts only entries of the class's own size; the table must lie
// inside the file.
func (f *File) Progs() ([]Prog, error) {
	if f.Phnum == 0 {
		return nil, nil // relocatable objects have none
	}
	want := prog64Len
	if f.Class == ELFCLASS32 {
		want = prog32Len
	}
	if f.Phentsize != want {
		return nil, formatError(f.Phoff, "program header size %d, want %d", f.Phentsize, want)
	}
	b, err := f.ReadBytes(f.Phoff, uint64(f.Phnum*f.Phentsize), f.Phnum*f.Phentsize)
	if err != nil {
		return nil, formatError(f.Phoff, "program header table: %v", err)
	}
	o := f.ByteOrder
	progs := make([]Prog, f.Phnum)
	for i := range progs {
		p := b[i*want:]
		if f.Class == ELFCLASS64 {
			progs[i] = Prog{
				Type: ProgType(o.Uint32(p)), Flags: o.Uint32(p[4:]), Off: o.Uint64(p[8:]),
				Vaddr: o.Uint64(p[16:]), Paddr: o.Uint64(p[24:]), Filesz: o.Uint64(p[32:]),
				Memsz: o.Uint64(p[40:]), Align: o.Uint64(p[48:]),
			}
		} else {
			progs[i] = Prog{
				Type: ProgType(o.Uint32(p)), Off: uint64(o.Uint32(p[4:])), Vaddr: uint64(o.Uint32(p[8:])),
				Paddr: uint64(o.Uint32(p[12:])), Filesz: uint64(o.Uint32(p[16:])),
				Memsz: uint64(o.Uint32(p[20:])), Flags: o.Uint32(p[24:]), Align: uint64(o.Uint32(p[28:])),
			}
		}
	}
	return progs, nil
}

// Interp reads the program interpreter named by a PT_INTERP segment: the
// path the kernel opens to load this program (a NUL ends it).
func (f *File) Interp(p Prog, max int) (string, error) {
	b, err := f.ReadBytes(p.Off, p.Filesz, max)
	if err != nil {
		return "", formatError(p.Off, "PT_INTERP: %v", err)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b), nil
}

// Dyn is one entry of the dynamic section.
type Dyn struct {
	Tag DynTag
	Val uint64 // a number, an address, or an offset in DT_STRTAB
}

// DynEntrySize is the size of one dynamic entry in the file's class.
func (f *File) DynEntrySize() uint64 {
	if f.Class == ELFCLASS32 {
		return 8
	}
	return 16
}

// Dynamic decodes the dynamic entries in b (the bytes of a PT_DYNAMIC
// segment or .dynamic section) up to DT_NULL.
func (f *File) Dynamic(b []byte) []Dyn {
	o, size := f.ByteOrder, int(f.DynEntrySize())
	var out []Dyn
	for i := 0; i+size <= len(b); i += size {
		var d Dyn
		if size == 16 {
			d = Dyn{DynTag(o.Uint64(b[i:])), o.Uint64(b[i+8:])}
		} else {
			d = Dyn{DynTag(int32(o.Uint32(b[i:]))), uint64(o.Uint32(b[i+4:]))}
		}
		if d.Tag == DT_NULL {
			break
		}
		out = append(out, d)
	}
	return out
}

// VaddrToOffset maps a virtual address to its file offset through the
// PT_LOAD segments, as the address would be once ld.so mapped the file:
// the dynamic section holds addresses, not offsets.
func VaddrToOffset(loads []Prog, addr uint64) (uint64, bool) {
	for _, l := range loads {
		if l.Type == PT_LOAD && addr >= l.Vaddr && addr-l.Vaddr < l.Filesz {
			return addr - l.Vaddr + l.Off, true
		}
	}
	return 0, false
}

// Section is one section header, with its name.
type Section struct {
	Name      string
	Type      SectionType
	Flags     uint64
	Addr      uint64
	Offset    uint64
	FileSize  uint64 // bytes in the file
	Size      uint64 // bytes of data: FileSize, or the uncompressed size with SHF_COMPRESSED
	Link      uint32 // a related section: the string table of a symbol table
	Info      uint32
	Addralign uint64
	Entsize   uint64
}

// Sections reads the section header table and the section names. It is
// strict: a table outside the file, entries too small, a name table that
// is not SHT_STRTAB or a name offset outside it make it fail, since
// nothing the table says can be trusted then. A file without section
// headers (sstrip, or most core files) gives none and no error.
//
// Files with 0xff00 sections or more keep the count in sh_size of section
// 0 and, when e_shstrndx is SHN_XINDEX, the name table's index in its
// sh_link.
func (f *File) Sections() ([]Section, error) {
	shnum, shstrndx := f.Shnum, f.Shstrndx
	if f.Shoff == 0 {
		if shnum != 0 {
			return nil, formatError(0, "%d sections at offset 0", shnum)
		}
		return nil, nil
	}
	if shnum > 0 && shstrndx >= shnum && shstrndx != int(SHN_XINDEX) {
		return nil, formatError(0, "section name table index %d of %d", shstrndx, shnum)
	}
	want := section64Len
	if f.Class == ELFCLASS32 {
		want = section32Len
	}
	if shnum == 0 {
		s0, err := f.ReadBytes(f.Shoff, uint64(want), want)
		if err != nil {
			return nil, formatError(f.Shoff, "section 0: %v", err)
		}
		h := f.section(s0)
		if h.Type != SHT_NULL {
			return nil, formatError(f.Shoff, "section 0 has type %d", h.Type)
		}
		if h.Size < uint64(SHN_LORESERVE) || h.Size > maxTable/uint64(want) {
			return nil, formatError(f.Shoff, "section count %d in section 0", h.Size)
		}
		shnum = int(h.Size)
		if shstrndx == int(SHN_XINDEX) {
			shstrndx = int(h.Link)
		}
	}
	if shstrndx >= shnum {
		return nil, formatError(0, "section name table index %d of %d", shstrndx, shnum)
	}
	if f.Shentsize < want {
		return nil, formatError(f.Shoff, "section header size %d, want %d", f.Shentsize, want)
	}
	if uint64(shnum)*uint64(f.Shentsize) > maxTable {
		return nil, formatError(f.Shoff, "%d sections", shnum)
	}
	b, err := f.ReadBytes(f.Shoff, uint64(shnum*f.Shentsize), maxTable)
	if err != nil {
		return nil, formatError(f.Shoff, "section header table: %v", err)
	}
	secs := make([]Section, shnum)
	names := make([]uint32, shnum)
	for i := range secs {
		h := b[i*f.Shentsize:]
		names[i] = f.ByteOrder.Uint32(h)
		secs[i] = f.section(h)
		s := &secs[i]
		if s.Offset > 1<<63-1 || s.FileSize > 1<<63-1 {
			return nil, formatError(f.Shoff+uint64(i*f.Shentsize), "section offset or size overflows")
		}
		if s.Flags&SHF_COMPRESSED != 0 {
			// The compression header gives the real size and alignment.
			if err := f.chdr(s); err != nil {
				return nil, err
			}
		}
	}
	if shstrndx == 0 {
		return secs, nil // no names
	}
	str := &secs[shstrndx]
	if str.Type != SHT_STRTAB || str.Flags&SHF_COMPRESSED != 0 {
		return nil, formatError(f.Shoff+uint64(shstrndx*f.Shentsize), "section name table of type %d", str.Type)
	}
	strtab, err := f.ReadBytes(str.Offset, str.FileSize, maxTable)
	if err != nil {
		return nil, formatError(str.Offset, "section names: %v", err)
	}
	for i := range secs {
		name, ok := cstring(strtab, names[i])
		if !ok {
			return nil, formatError(f.Shoff+uint64(i*f.Shentsize), "section name offset %#x", names[i])
		}
		secs[i].Name = name
	}
	return secs, nil
}

// section decodes one section header, without its name.
func (f *File) section(h []byte) Section {
	o := f.ByteOrder
	if f.Class == ELFCLASS64 {
		return Section{
			Type: SectionType(o.Uint32(h[4:])), Flags: o.Uint64(h[8:]), Addr: o.Uint64(h[16:]),
			Offset: o.Uint64(h[24:]), FileSize: o.Uint64(h[32:]), Size: o.Uint64(h[32:]),
			Link: o.Uint32(h[40:]), Info: o.Uint32(h[44:]), Addralign: o.Uint64(h[48:]), Entsize: o.Uint64(h[56:]),
		}
	}
	return Section{
		Type: SectionType(o.Uint32(h[4:])), Flags: uint64(o.Uint32(h[8:])), Addr: uint64(o.Uint32(h[12:])),
		Offset: uint64(o.Uint32(h[16:])), FileSize: uint64(o.Uint32(h[20:])), Size: uint64(o.Uint32(h[20:])),
		Link: o.Uint32(h[24:]), Info: o.Uint32(h[28:]), Addralign: uint64(o.Uint32(h[32:])), Entsize: uint64(o.Uint32(h[36:])),
	}
}

// chdr reads the compression header of a SHF_COMPRESSED section.
func (f *File) chdr(s *Section) error {
	n := chdr64Len
	if f.Class == ELFCLASS32 {
		n = chdr32Len
	}
	c, err := f.ReadBytes(s.Offset, uint64(n), n)
	if err == nil && s.FileSize < uint64(n) {
		err = formatError(s.Offset, "section smaller than its compression header")
	}
	if err != nil {
		return formatError(s.Offset, "compression header: %v", err)
	}
	o := f.ByteOrder
	if f.Class == ELFCLASS64 {
		s.Size, s.Addralign = o.Uint64(c[8:]), o.Uint64(c[16:])
	} else {
		s.Size, s.Addralign = uint64(o.Uint32(c[4:])), uint64(o.Uint32(c[8:]))
	}
	return nil
}

// SectionData reads a section's bytes as they are in the file (for a
// compressed section, the compressed form), refusing more than limit.
func (f *File) SectionData(s *Section, limit int) ([]byte, error) {
	if s.Type == SHT_NOBITS {
		return nil, nil
	}
	return f.ReadBytes(s.Offset, s.FileSize, limit)
}

// cstring returns the NUL-terminated string at off in a string table.
func cstring(tab []byte, off uint32) (string, bool) {
	if uint64(off) >= uint64(len(tab)) {
		return "", false
	}
	i := bytes.IndexByte(tab[off:], 0)
	if i < 0 {
		return "", false
	}
	return string(tab[off : int(off)+i]), true
}

// Symbol is one entry of a symbol table.
type Symbol struct {
	Name    string
	Info    byte // binding and type: ST_BIND, ST_TYPE
	Other   byte
	Section SectionIndex // SHN_UNDEF: defined elsewhere (imported)
	Value   uint64
	Size    uint64
}

// DynamicSymbols reads the symbols of the first SHT_DYNSYM section (the
// ones the dynamic linker binds), without the null symbol 0. A name
// outside the string table is left empty.
func (f *File) DynamicSymbols() ([]Symbol, error) {
	secs, err := f.Sections()
	if err != nil {
		return nil, err
	}
	var symtab *Section
	for i := range secs {
		if secs[i].Type == SHT_DYNSYM {
			symtab = &secs[i]
			break
		}
	}
	if symtab == nil {
		return nil, formatError(f.Shoff, "no dynamic symbol table")
	}
	size := sym64Len
	if f.Class == ELFCLASS32 {
		size = sym32Len
	}
	data, err := f.SectionData(symtab, maxTable)
	if err != nil {
		return nil, err
	}
	if len(data)%size != 0 {
		return nil, formatError(symtab.Offset, "symbol table size %d is not a multiple of %d", len(data), size)
	}
	if symtab.Link == 0 || int(symtab.Link) >= len(secs) {
		return nil, formatError(symtab.Offset, "symbol table links to section %d", symtab.Link)
	}
	strtab, err := f.SectionData(&secs[symtab.Link], maxTable)
	if err != nil {
		return nil, err
	}
	o := f.ByteOrder
	var syms []Symbol
	for off := size; off+size <= len(data); off += size {
		b := data[off:]
		var s Symbol
		var name uint32
		if f.Class == ELFCLASS64 {
			name = o.Uint32(b)
			s = Symbol{Info: b[4], Other: b[5], Section: SectionIndex(o.Uint16(b[6:])), Value: o.Uint64(b[8:]), Size: o.Uint64(b[16:])}
		} else {
			name = o.Uint32(b)
			s = Symbol{Value: uint64(o.Uint32(b[4:])), Size: uint64(o.Uint32(b[8:])), Info: b[12], Other: b[13], Section: SectionIndex(o.Uint16(b[14:]))}
		}
		s.Name, _ = cstring(strtab, name)
		syms = append(syms, s)
	}
	return syms, nil
}

// Note is one entry of a note segment or section (Elf_Nhdr and what
// follows it).
type Note struct {
	Name string // the owner, "GNU" or "Go", without its NUL
	Type uint32 // meaningful only together with Name
	Desc []byte
}

// Notes decodes up to limit notes from data, the contents of an
// SHT_NOTE section or PT_NOTE segment whose entries are padded to align
// (4, or 8 for some GNU property notes). It stops at the first note that
// does not fit in data and returns the notes before it.
func Notes(data []byte, f *File, align, limit int) []Note {
	if align != 8 {
		align = 4
	}
	pad := func(n int) int { return (n + align - 1) &^ (align - 1) }
	o := f.ByteOrder
	var out []Note
	for off := 0; off+12 <= len(data) && len(out) < limit; {
		namesz, descsz, typ := o.Uint32(data[off:]), o.Uint32(data[off+4:]), o.Uint32(data[off+8:])
		off += 12
		if uint64(namesz) > uint64(len(data)-off) {
			break
		}
		name := strings.TrimRight(string(data[off:off+int(namesz)]), "\x00")
		off += pad(int(namesz))
		if off > len(data) || uint64(descsz) > uint64(len(data)-off) {
			break
		}
		desc := data[off : off+int(descsz)]
		off += pad(int(descsz))
		out = append(out, Note{Name: name, Type: typ, Desc: desc})
	}
	return out
}
