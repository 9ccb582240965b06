package elf

import "strconv"

// The constants keep the names the System V ABI and <elf.h> give them
// (EM_X86_64, PT_INTERP, DT_NEEDED...), so that what readelf(1), the ABI
// documents and this package print can be matched by eye. Only the values
// the zine's tools look at are listed; the types are plain integers, so
// any other value is still representable and printed as a number.

// Positions in e_ident, the 16 identification bytes every ELF file starts
// with whatever its class.
const (
	EI_CLASS      = 4  // ELFCLASS32 or ELFCLASS64
	EI_DATA       = 5  // ELFDATA2LSB or ELFDATA2MSB
	EI_VERSION    = 6  // EV_CURRENT
	EI_OSABI      = 7  // ELFOSABI_*
	EI_ABIVERSION = 8  // depends on EI_OSABI
	EI_NIDENT     = 16 // size of e_ident
)

// ELFMAG is the magic number: byte 0x7f then "ELF".
const ELFMAG = "\x7fELF"

// EV_CURRENT is the only ELF version there has ever been.
const EV_CURRENT = 1

// Class is EI_CLASS: the size of addresses and offsets in the file.
type Class byte

const (
	ELFCLASSNONE Class = 0
	ELFCLASS32   Class = 1
	ELFCLASS64   Class = 2
)

// Data is EI_DATA: the byte order of every multi-byte field after e_ident.
type Data byte

const (
	ELFDATANONE Data = 0
	ELFDATA2LSB Data = 1 // little-endian (x86, most ARM)
	ELFDATA2MSB Data = 2 // big-endian (s390x, SPARC, older PowerPC)
)

// OSABI is EI_OSABI: the operating system extensions the file uses.
// Linux programs normally say ELFOSABI_NONE ("SYSV"); static glibc
// programs that use GNU extensions (IFUNC) say ELFOSABI_LINUX.
type OSABI byte

const (
	ELFOSABI_NONE       OSABI = 0
	ELFOSABI_HPUX       OSABI = 1
	ELFOSABI_NETBSD     OSABI = 2
	ELFOSABI_LINUX      OSABI = 3
	ELFOSABI_HURD       OSABI = 4
	ELFOSABI_SOLARIS    OSABI = 6
	ELFOSABI_AIX        OSABI = 7
	ELFOSABI_IRIX       OSABI = 8
	ELFOSABI_FREEBSD    OSABI = 9
	ELFOSABI_TRU64      OSABI = 10
	ELFOSABI_OPENBSD    OSABI = 12
	ELFOSABI_ARM        OSABI = 97
	ELFOSABI_STANDALONE OSABI = 255
)

// Type is e_type: what kind of object the file is.
type Type uint16

const (
	ET_NONE Type = 0
	ET_REL  Type = 1 // relocatable: a .o file
	ET_EXEC Type = 2 // executable at a fixed address
	ET_DYN  Type = 3 // shared object, or a position-independent executable
	ET_CORE Type = 4 // core dump
)

// Machine is e_machine: the instruction set.
type Machine uint16

const (
	EM_NONE      Machine = 0
	EM_SPARC     Machine = 2
	EM_386       Machine = 3
	EM_MIPS      Machine = 8
	EM_PPC       Machine = 20
	EM_PPC64     Machine = 21
	EM_S390      Machine = 22
	EM_ARM       Machine = 40
	EM_SPARCV9   Machine = 43
	EM_X86_64    Machine = 62
	EM_AARCH64   Machine = 183
	EM_RISCV     Machine = 243
	EM_BPF       Machine = 247
	EM_LOONGARCH Machine = 258
)

// ProgType is p_type: what a program header (a segment) is for.
type ProgType uint32

const (
	PT_NULL         ProgType = 0
	PT_LOAD         ProgType = 1 // mapped into memory
	PT_DYNAMIC      ProgType = 2 // the dynamic section, for ld.so
	PT_INTERP       ProgType = 3 // path of the program interpreter (ld.so)
	PT_NOTE         ProgType = 4
	PT_SHLIB        ProgType = 5
	PT_PHDR         ProgType = 6
	PT_TLS          ProgType = 7
	PT_GNU_EH_FRAME ProgType = 0x6474e550
	PT_GNU_STACK    ProgType = 0x6474e551
	PT_GNU_RELRO    ProgType = 0x6474e552
	PT_GNU_PROPERTY ProgType = 0x6474e553
)

// SectionType is sh_type.
type SectionType uint32

const (
	SHT_NULL        SectionType = 0
	SHT_PROGBITS    SectionType = 1
	SHT_SYMTAB      SectionType = 2 // the full symbol table; strip removes it
	SHT_STRTAB      SectionType = 3
	SHT_RELA        SectionType = 4
	SHT_HASH        SectionType = 5
	SHT_DYNAMIC     SectionType = 6
	SHT_NOTE        SectionType = 7
	SHT_NOBITS      SectionType = 8 // occupies no file space (.bss)
	SHT_REL         SectionType = 9
	SHT_DYNSYM      SectionType = 11 // the symbols ld.so sees
	SHT_GNU_HASH    SectionType = 0x6ffffff6
	SHT_GNU_VERDEF  SectionType = 0x6ffffffd
	SHT_GNU_VERNEED SectionType = 0x6ffffffe
	SHT_GNU_VERSYM  SectionType = 0x6fffffff
)

// SHF_COMPRESSED marks a section whose data starts with a compression
// header (Elf_Chdr); sh_size is then the compressed size.
const SHF_COMPRESSED = 0x800

// SectionIndex is a section number as symbols and e_shstrndx hold it,
// including the reserved values from SHN_LORESERVE up.
type SectionIndex uint16

const (
	SHN_UNDEF     SectionIndex = 0 // an undefined symbol: imported
	SHN_LORESERVE SectionIndex = 0xff00
	SHN_ABS       SectionIndex = 0xfff1
	SHN_COMMON    SectionIndex = 0xfff2
	SHN_XINDEX    SectionIndex = 0xffff // the real index is elsewhere
)

// DynTag is d_tag, the kind of one dynamic section entry.
type DynTag int64

const (
	DT_NULL         DynTag = 0 // end of the dynamic section
	DT_NEEDED       DynTag = 1 // a library to load (string)
	DT_PLTRELSZ     DynTag = 2
	DT_PLTGOT       DynTag = 3
	DT_HASH         DynTag = 4
	DT_STRTAB       DynTag = 5 // address of the dynamic string table
	DT_SYMTAB       DynTag = 6
	DT_RELA         DynTag = 7
	DT_RELASZ       DynTag = 8
	DT_RELAENT      DynTag = 9
	DT_STRSZ        DynTag = 10 // size of the dynamic string table
	DT_SYMENT       DynTag = 11
	DT_INIT         DynTag = 12
	DT_FINI         DynTag = 13
	DT_SONAME       DynTag = 14 // this library's own name (string)
	DT_RPATH        DynTag = 15 // old-style search path (string)
	DT_SYMBOLIC     DynTag = 16
	DT_REL          DynTag = 17
	DT_RELSZ        DynTag = 18
	DT_RELENT       DynTag = 19
	DT_PLTREL       DynTag = 20
	DT_DEBUG        DynTag = 21
	DT_TEXTREL      DynTag = 22
	DT_JMPREL       DynTag = 23
	DT_BIND_NOW     DynTag = 24
	DT_INIT_ARRAY   DynTag = 25
	DT_FINI_ARRAY   DynTag = 26
	DT_INIT_ARRAYSZ DynTag = 27
	DT_FINI_ARRAYSZ DynTag = 28
	DT_RUNPATH      DynTag = 29 // search path, after LD_LIBRARY_PATH (string)
	DT_FLAGS        DynTag = 30
	DT_GNU_HASH     DynTag = 0x6ffffef5
	DT_VERSYM       DynTag = 0x6ffffff0
	DT_FLAGS_1      DynTag = 0x6ffffffb // DF_1_* bits
	DT_VERDEF       DynTag = 0x6ffffffc
	DT_VERDEFNUM    DynTag = 0x6ffffffd
	DT_VERNEED      DynTag = 0x6ffffffe // address of the Elf_Verneed records
	DT_VERNEEDNUM   DynTag = 0x6fffffff // how many there are
)

// String names the tags that carry strings or that error messages
// mention; others print as a number.
func (t DynTag) String() string {
	switch t {
	case DT_NULL:
		return "DT_NULL"
	case DT_NEEDED:
		return "DT_NEEDED"
	case DT_STRTAB:
		return "DT_STRTAB"
	case DT_STRSZ:
		return "DT_STRSZ"
	case DT_SONAME:
		return "DT_SONAME"
	case DT_RPATH:
		return "DT_RPATH"
	case DT_RUNPATH:
		return "DT_RUNPATH"
	case DT_FLAGS_1:
		return "DT_FLAGS_1"
	case DT_VERNEED:
		return "DT_VERNEED"
	case DT_VERNEEDNUM:
		return "DT_VERNEEDNUM"
	}
	return "DT_" + strconv.FormatInt(int64(t), 10)
}

// DT_FLAGS_1 bits.
const (
	DF_1_NOW      = 0x1
	DF_1_NODEFLIB = 0x800      // do not search the default directories
	DF_1_PIE      = 0x08000000 // a position-independent executable
)

// Note types, valid only with the owner name that defines them.
const (
	NT_GNU_ABI_TAG  = 1 // "GNU": OS and oldest kernel version
	NT_GNU_BUILD_ID = 3 // "GNU": the linker's build ID
	NT_GO_BUILD_ID  = 4 // "Go": the Go toolchain's build ID
)

// SymBind is a symbol's binding, the upper four bits of st_info.
type SymBind byte

const (
	STB_LOCAL  SymBind = 0
	STB_GLOBAL SymBind = 1
	STB_WEAK   SymBind = 2
)

// SymType is a symbol's type, the lower four bits of st_info.
type SymType byte

const (
	STT_NOTYPE SymType = 0
	STT_OBJECT SymType = 1
	STT_FUNC   SymType = 2
)

// ST_BIND extracts the binding from st_info.
func ST_BIND(info byte) SymBind { return SymBind(info >> 4) }

// ST_TYPE extracts the type from st_info.
func ST_TYPE(info byte) SymType { return SymType(info & 0xf) }
