package magic

import (
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/zinebox/zinebox/pkg/elfdeps"
)

const maxNotes = 256 // file(1) stops reading notes after this many

// elf describes an ELF object as file(1) does: header fields, then what
// the program headers say about linking, then the notes, then whether
// debugging information and a symbol table are present.
func (d *detection) elf() (Result, bool) {
	b := d.buf
	if len(b) < 8 || string(b[:4]) != elf.ELFMAG {
		return Result{}, false
	}
	if len(b) < 20 { // the identification only
		class := map[byte]string{1: "32-bit", 2: "64-bit"}[b[elf.EI_CLASS]]
		data := map[byte]string{1: "LSB", 2: "MSB"}[b[elf.EI_DATA]]
		if class == "" || data == "" {
			return Result{}, false
		}
		return found(fmt.Sprintf("ELF %s %s (%s)", class, data, osabiName(elf.OSABI(b[elf.EI_OSABI]))), "application/octet-stream")
	}
	var w strings.Builder
	w.WriteString("ELF ")
	switch elf.Class(b[elf.EI_CLASS]) {
	case elf.ELFCLASS32:
		w.WriteString("32-bit ")
	case elf.ELFCLASS64:
		w.WriteString("64-bit ")
	default:
		fmt.Fprintf(&w, "unknown class %d", b[elf.EI_CLASS])
		return found(w.String(), "application/octet-stream")
	}
	var order binary.ByteOrder = binary.LittleEndian
	switch elf.Data(b[elf.EI_DATA]) {
	case elf.ELFDATA2LSB:
		w.WriteString("LSB ")
	case elf.ELFDATA2MSB:
		w.WriteString("MSB ")
		order = binary.BigEndian
	default:
		fmt.Fprintf(&w, "invalid byte order")
		return found(w.String(), "application/octet-stream")
	}
	typ := elf.Type(order.Uint16(b[16:]))
	machine := elf.Machine(order.Uint16(b[18:]))

	obj, objErr := elfdeps.ReadLenient(d.r, d.size)
	mime := "application/octet-stream"
	switch typ {
	case elf.ET_REL:
		w.WriteString("relocatable")
		mime = "application/x-object"
	case elf.ET_EXEC:
		w.WriteString("executable")
		mime = "application/x-executable"
	case elf.ET_DYN:
		if objErr == nil && obj.PIE() {
			w.WriteString("pie executable")
			mime = "application/x-pie-executable"
		} else {
			w.WriteString("shared object")
			mime = "application/x-sharedlib"
		}
	case elf.ET_CORE:
		w.WriteString("core file")
		mime = "application/x-coredump"
	default:
		fmt.Fprintf(&w, "processor-specific (%#x)", uint16(typ))
	}
	w.WriteString(", " + machineName(machine))
	fmt.Fprintf(&w, ", version %d (%s)", b[elf.EI_VERSION], osabiName(elf.OSABI(b[elf.EI_OSABI])))
	if (typ == elf.ET_EXEC || typ == elf.ET_DYN) && objErr != nil {
		if off, ok := unreadableProg(b, order, d.size); ok {
			fmt.Fprintf(&w, ", can't read elf program headers at %d", off)
		}
	}
	if (typ == elf.ET_EXEC || typ == elf.ET_DYN) && objErr == nil {
		switch {
		case !obj.HasDynamic:
			w.WriteString(", statically linked")
		case !obj.HasInterp && len(obj.Needed) == 0 && obj.HasFlags1:
			w.WriteString(", static-pie linked")
		default:
			w.WriteString(", dynamically linked")
		}
		if obj.HasInterp {
			w.WriteString(", interpreter " + obj.Interp)
		}
	}
	if off, ok := missingSections(b, order, d.size); ok {
		fmt.Fprintf(&w, ", missing section headers at %d", off)
	} else {
		sectionInfo(&w, d.r, d.size)
	}
	return found(w.String(), mime)
}

// headerFields returns e_phoff, e_phentsize, e_phnum, e_shoff,
// e_shentsize and e_shnum from an ELF header of either class.
func headerFields(b []byte, order binary.ByteOrder) (phoff uint64, phentsize, phnum int, shoff uint64, shentsize, shnum int, ok bool) {
	if elf.Class(b[elf.EI_CLASS]) == elf.ELFCLASS64 {
		if len(b) < 64 {
			return
		}
		return order.Uint64(b[32:]), int(order.Uint16(b[54:])), int(order.Uint16(b[56:])),
			order.Uint64(b[40:]), int(order.Uint16(b[58:])), int(order.Uint16(b[60:])), true
	}
	if len(b) < 52 {
		return
	}
	return uint64(order.Uint32(b[28:])), int(order.Uint16(b[42:])), int(order.Uint16(b[44:])),
		uint64(order.Uint32(b[32:])), int(order.Uint16(b[46:])), int(order.Uint16(b[48:])), true
}

// unreadableProg finds the first program header that lies past the end of
// the file, as file(1) reports it.
func unreadableProg(b []byte, order binary.ByteOrder, size int64) (uint64, bool) {
	phoff, phentsize, phnum, _, _, _, ok := headerFields(b, order)
	if !ok || phentsize == 0 {
		return 0, false
	}
	for i := 0; i < phnum; i++ {
		off := phoff + uint64(i*phentsize)
		if off+uint64(phentsize) > uint64(size) {
			return off, true
		}
	}
	return 0, false
}

// missingSections reports a section header table that starts past the end
// of the file (a truncated or damaged file).
func missingSections(b []byte, order binary.ByteOrder, size int64) (uint64, bool) {
	_, _, _, shoff, shentsize, shnum, ok := headerFields(b, order)
	if !ok || shnum == 0 {
		return 0, false
	}
	// file(1) first reads the header of the section-name table.
	strndx := int(order.Uint16(b[62:]))
	if elf.Class(b[elf.EI_CLASS]) != elf.ELFCLASS64 {
		strndx = int(order.Uint16(b[50:]))
	}
	at := shoff + uint64(strndx*shentsize)
	return at, at+uint64(shentsize) > uint64(size) || at < shoff
}

// sectionInfo appends what the section headers tell: the notes (build ID,
// ABI tag, Go build ID) in file order, debug_info, and the symbol table.
func sectionInfo(w *strings.Builder, r io.ReaderAt, size int64) {
	defer func() {
		recover() // debug/elf on a hostile file: say no more than we have
	}()
	f, err := elf.NewFile(r)
	if err != nil || len(f.Sections) == 0 {
		return
	}
	if len(f.Sections) > 65536 {
		return
	}
	stripped, debugInfo := true, false
	notes := 0
	var noteBytes int64
	for _, s := range f.Sections {
		switch {
		case s.Type == elf.SHT_SYMTAB:
			stripped = false
		case s.Name == ".debug_info":
			debugInfo = true
		}
		if s.Type != elf.SHT_NOTE || s.Size > 1<<20 || int64(s.Offset) > size || int64(s.Size) > size-int64(s.Offset) {
			continue
		}
		// Hostile files can point thousands of sections at the same
		// megabyte: stop after the notes file(1) would show.
		if notes >= maxNotes || noteBytes > 4<<20 {
			continue
		}
		noteBytes += int64(s.Size)
		data := make([]byte, s.Size)
		if _, err := r.ReadAt(data, int64(s.Offset)); err != nil {
			continue
		}
		align := int(s.Addralign)
		if align != 8 {
			align = 4
		}
		notes += describeNotes(w, data, f.ByteOrder, align, maxNotes-notes)
	}
	if debugInfo {
		w.WriteString(", with debug_info")
	}
	if stripped {
		w.WriteString(", stripped")
	} else {
		w.WriteString(", not stripped")
	}
	if notes >= maxNotes {
		fmt.Fprintf(w, ", too many notes (%d)", maxNotes)
	}
}

// describeNotes appends the notes file(1) knows from one note section and
// returns how many notes it read (at most limit).
func describeNotes(w *strings.Builder, data []byte, order binary.ByteOrder, align, limit int) int {
	pad := func(n int) int { return (n + align - 1) &^ (align - 1) }
	n := 0
	for off := 0; off+12 <= len(data) && n < limit; n++ {
		namesz, descsz, typ := int(order.Uint32(data[off:])), int(order.Uint32(data[off+4:])), order.Uint32(data[off+8:])
		off += 12
		if namesz < 0 || namesz > len(data)-off {
			break
		}
		name := strings.TrimRight(string(data[off:off+namesz]), "\x00")
		off += pad(namesz)
		if descsz < 0 || off > len(data) || descsz > len(data)-off {
			break
		}
		desc := data[off : off+descsz]
		off += pad(descsz)
		switch {
		case name == "GNU" && typ == 3: // NT_GNU_BUILD_ID
			kind := ""
			switch descsz {
			case 8:
				kind = "xxHash"
			case 16:
				kind = "md5/uuid"
			case 20:
				kind = "sha1"
			}
			if kind != "" {
				fmt.Fprintf(w, ", BuildID[%s]=%s", kind, hex.EncodeToString(desc))
			}
		case name == "GNU" && typ == 1 && descsz >= 16: // NT_GNU_ABI_TAG
			os := [...]string{"Linux", "Hurd", "Solaris", "kFreeBSD", "kNetBSD"}
			o := order.Uint32(desc)
			osName := "<unknown>"
			if int(o) < len(os) {
				osName = os[o]
			}
			fmt.Fprintf(w, ", for GNU/%s %d.%d.%d", osName, order.Uint32(desc[4:]), order.Uint32(desc[8:]), order.Uint32(desc[12:]))
		case name == "Go" && typ == 4: // the Go toolchain's build ID
			fmt.Fprintf(w, ", Go BuildID=%s", strings.TrimRight(string(desc), "\x00"))
		}
	}
	return n
}

// machineName is file(1)'s name for an ELF machine.
func machineName(m elf.Machine) string {
	switch m {
	case elf.EM_X86_64:
		return "x86-64"
	case elf.EM_386:
		return "Intel 80386"
	case elf.EM_AARCH64:
		return "ARM aarch64"
	case elf.EM_ARM:
		return "ARM"
	case elf.EM_RISCV:
		return "UCB RISC-V"
	case elf.EM_PPC64:
		return "64-bit PowerPC or cisco 7500"
	case elf.EM_PPC:
		return "PowerPC or cisco 4500"
	case elf.EM_S390:
		return "IBM S/390"
	case elf.EM_MIPS:
		return "MIPS"
	case elf.EM_SPARCV9:
		return "SPARC V9"
	case elf.EM_BPF:
		return "eBPF"
	case elf.EM_LOONGARCH:
		return "LoongArch"
	case elf.EM_NONE:
		return "no machine"
	}
	return fmt.Sprintf("*unknown arch %#x*", uint16(m))
}

// osabiName is file(1)'s name for EI_OSABI.
func osabiName(a elf.OSABI) string {
	switch a {
	case elf.ELFOSABI_NONE:
		return "SYSV"
	case elf.ELFOSABI_HPUX:
		return "HP-UX"
	case elf.ELFOSABI_NETBSD:
		return "NetBSD"
	case elf.ELFOSABI_LINUX:
		return "GNU/Linux"
	case elf.ELFOSABI_HURD:
		return "GNU/Hurd"
	case elf.ELFOSABI_SOLARIS:
		return "Solaris"
	case elf.ELFOSABI_FREEBSD:
		return "FreeBSD"
	case elf.ELFOSABI_OPENBSD:
		return "OpenBSD"
	case elf.ELFOSABI_ARM:
		return "ARM"
	case elf.ELFOSABI_STANDALONE:
		return "embedded"
	}
	return fmt.Sprintf("unknown OSABI %d", a)
}
