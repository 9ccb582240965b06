package magic

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/zinebox/zinebox/pkg/elf"
	"github.com/zinebox/zinebox/pkg/elfdeps"
)

const maxNotes = 256 // file(1) stops reading notes after this many

// errNoFile stands for the program and section headers of an ELF file
// that -z found inside compressed data: file(1) reads those through a file
// descriptor, which decompressed data does not have, so it describes the
// ELF header alone ("shared object" for any ET_DYN).
var errNoFile = errors.New("no file to read the headers from")

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
	hdr, _ := elf.ParseHeader(b) // nil when the header is cut short

	var obj *elfdeps.Object
	objErr := errNoFile
	if !d.opts.decompressed {
		obj, objErr = elfdeps.ReadLenient(d.r, d.size)
	}
	badPhdrs := badProgs(hdr, typ)
	mime := "application/octet-stream"
	switch typ {
	case elf.ET_REL:
		w.WriteString("relocatable")
		mime = "application/x-object"
	case elf.ET_EXEC:
		w.WriteString("executable")
		mime = "application/x-executable"
	case elf.ET_DYN:
		// DF_1_PIE decides when the dynamic section could be read; file(1)
		// goes by the execute bit otherwise.
		pie := d.executable
		if objErr == nil && obj.HasDynamic && !badPhdrs {
			pie = obj.PIE()
		}
		if pie {
			w.WriteString("pie executable")
			mime = "application/x-pie-executable"
		} else {
			w.WriteString("shared object")
			mime = "application/x-sharedlib"
		}
	case elf.ET_CORE:
		w.WriteString("core file")
		mime = "application/x-coredump"
	case elf.ET_NONE:
		w.WriteString("no file type")
	default:
		if typ&0xff00 == 0xff00 {
			w.WriteString("processor-specific")
		}
	}
	// file(1) prints e_version, not EI_VERSION: 1 is the only valid one.
	version := ""
	if len(b) >= 24 {
		switch order.Uint32(b[20:]) {
		case 0:
			version = "invalid version "
		case 1:
			version = "version 1 "
		}
	}
	if !strings.HasSuffix(w.String(), " ") {
		w.WriteString(", ")
	}
	w.WriteString(machineName(machine))
	fmt.Fprintf(&w, ", %s(%s)", version, osabiName(elf.OSABI(b[elf.EI_OSABI])))
	if d.opts.decompressed {
		return found(w.String(), mime)
	}
	shSize := 64
	if hdr != nil && hdr.Class == elf.ELFCLASS32 {
		shSize = 40
	}
	if badPhdrs {
		w.WriteString(", corrupted program header size")
	}
	if (typ == elf.ET_EXEC || typ == elf.ET_DYN) && objErr != nil && !badPhdrs {
		if off, ok := unreadableProg(hdr, d.size); ok {
			fmt.Fprintf(&w, ", can't read elf program headers at %d", off)
		}
	}
	if (typ == elf.ET_EXEC || typ == elf.ET_DYN) && objErr == nil && !badPhdrs {
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
	// file(1) reads the section headers of objects, programs and
	// libraries only: not of core files or processor-specific types.
	// It checks the table's shape first, in this order.
	if typ == elf.ET_REL || typ == elf.ET_EXEC || typ == elf.ET_DYN {
		if off, ok := missingSections(hdr, d.size); hdr == nil {
			sectionInfo(&w, d.r, d.size) // the header is cut short
		} else if hdr.Shnum == 0 {
			w.WriteString(", no section header")
		} else if hdr.Shentsize != shSize {
			w.WriteString(", corrupted section header size")
		} else if ok {
			fmt.Fprintf(&w, ", missing section headers at %d", off)
		} else if names := nameTableOffset(hdr, d.r); names > uint64(d.size) {
			fmt.Fprintf(&w, ", too large section header offset %d", names)
		} else {
			sectionInfo(&w, d.r, d.size)
		}
	}
	return found(w.String(), mime)
}

// badProgs reports a program or library whose program headers are not of
// the class's size: file(1) then reads none of them.
func badProgs(h *elf.File, typ elf.Type) bool {
	want := 56
	if h != nil && h.Class == elf.ELFCLASS32 {
		want = 32
	}
	return (typ == elf.ET_EXEC || typ == elf.ET_DYN) && h != nil && h.Phentsize != want
}

// unreadableProg finds the first program header that lies past the end of
// the file, as file(1) reports it. h is nil when the header is cut short.
func unreadableProg(h *elf.File, size int64) (uint64, bool) {
	if h == nil || h.Phentsize == 0 {
		return 0, false
	}
	for i := 0; i < h.Phnum; i++ {
		off := h.Phoff + uint64(i*h.Phentsize)
		if off+uint64(h.Phentsize) > uint64(size) {
			return off, true
		}
	}
	return 0, false
}

// missingSections reports a section header table that starts past the end
// of the file (a truncated or damaged file).
func missingSections(h *elf.File, size int64) (uint64, bool) {
	if h == nil || h.Shnum == 0 {
		return 0, false
	}
	// file(1) first reads the header of the section-name table.
	at := h.Shoff + uint64(h.Shstrndx*h.Shentsize)
	return at, at+uint64(h.Shentsize) > uint64(size) || at < h.Shoff
}

// nameTableOffset returns sh_offset of the section-name table, whose
// header missingSections found inside the file.
func nameTableOffset(h *elf.File, r io.ReaderAt) uint64 {
	var b [64]byte
	n, _ := r.ReadAt(b[:h.Shentsize], int64(h.Shoff+uint64(h.Shstrndx*h.Shentsize)))
	if h.Class == elf.ELFCLASS32 {
		if n < 20 {
			return 0
		}
		return uint64(h.ByteOrder.Uint32(b[16:]))
	}
	if n < 32 {
		return 0
	}
	return h.ByteOrder.Uint64(b[24:])
}

// sectionInfo appends what the section headers tell: the notes (build ID,
// ABI tag, Go build ID) in file order, debug_info, and the symbol table.
// A section table that cannot be trusted (see elf.File.Sections) adds
// nothing.
func sectionInfo(w *strings.Builder, r io.ReaderAt, size int64) {
	f, err := elf.NewFile(r, size)
	if err != nil {
		return
	}
	secs, err := f.Sections()
	if err != nil || len(secs) == 0 || len(secs) > 65536 {
		return
	}
	stripped, debugInfo := true, false
	didBuildID := false
	notes := 0
	var noteBytes int64
	for i := range secs {
		s := &secs[i]
		switch {
		case s.Type == elf.SHT_SYMTAB:
			stripped = false
		case s.Name == ".debug_info":
			debugInfo = true
		}
		if s.Type != elf.SHT_NOTE || s.Size > 1<<20 || s.Offset > uint64(size) || s.Size > uint64(size)-s.Offset {
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
		notes += describeNotes(w, f, data, align, maxNotes-notes, &didBuildID)
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
// returns how many notes it read (at most limit). Like libmagic, it shows
// no build ID note after a GNU one: a Go build ID in a later section is
// left out (Go programs linked by an external linker).
func describeNotes(w *strings.Builder, f *elf.File, data []byte, align, limit int, didBuildID *bool) int {
	notes := elf.Notes(data, f, align, limit)
	for _, n := range notes {
		desc := n.Desc
		switch {
		case *didBuildID && (n.Name == "GNU" && n.Type == elf.NT_GNU_BUILD_ID || n.Name == "Go" && n.Type == elf.NT_GO_BUILD_ID):
			continue
		case n.Name == "GNU" && n.Type == elf.NT_GNU_BUILD_ID:
			*didBuildID = true
			kind := ""
			switch len(desc) {
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
		case n.Name == "GNU" && n.Type == elf.NT_GNU_ABI_TAG && len(desc) >= 16:
			os := [...]string{"Linux", "Hurd", "Solaris", "kFreeBSD", "kNetBSD"}
			order := f.ByteOrder
			o := order.Uint32(desc)
			osName := "<unknown>"
			if int(o) < len(os) {
				osName = os[o]
			}
			fmt.Fprintf(w, ", for GNU/%s %d.%d.%d", osName, order.Uint32(desc[4:]), order.Uint32(desc[8:]), order.Uint32(desc[12:]))
		case n.Name == "Go" && n.Type == elf.NT_GO_BUILD_ID:
			fmt.Fprintf(w, ", Go BuildID=%s", strings.TrimRight(string(desc), "\x00"))
		}
	}
	return len(notes)
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
