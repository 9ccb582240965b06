// Package elf reads ELF files -- programs, shared libraries, object files
// and core dumps -- of either class (32- or 64-bit) and byte order, for the
// tools that explain them: ldd (which libraries a program needs) and file
// (what a file is).
//
// An ELF file has two views of the same bytes. The program headers
// (segments) are what the kernel and the dynamic linker use: PT_LOAD says
// what to map where, PT_INTERP names the dynamic linker, PT_DYNAMIC points
// at the dynamic section with its DT_NEEDED list. The section headers
// (.text, .symtab, .note.gnu.build-id...) are for linkers, debuggers and
// file(1); a stripped file may have none at all. This package reads both,
// on demand, straight from an io.ReaderAt: NewFile decodes only the
// header.
//
// Every field of a file is untrusted. Offsets and counts are checked
// against the file's size before anything is read or allocated, so a
// truncated or hostile file gives an error, never a panic or an allocation
// larger than the file. Go's debug/elf does the same job for toolchains;
// this package is smaller because it decodes only what the zine's tools
// print, and it does nothing at program start.
package elf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ErrNotELF is returned by NewFile for data that does not start with the
// ELF magic number, or whose class or byte order is unknown.
var ErrNotELF = errors.New("not an ELF file")

// FormatError describes a damaged file: what is wrong, and where.
type FormatError struct {
	Off uint64 // offset in the file of the field at fault
	Msg string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("malformed ELF file: %s at offset %#x", e.Msg, e.Off)
}

func formatError(off uint64, format string, args ...any) error {
	return &FormatError{Off: off, Msg: fmt.Sprintf(format, args...)}
}

// Sizes of the headers and table entries of each class.
const (
	header32Len  = 52
	header64Len  = 64
	prog32Len    = 32
	prog64Len    = 56
	section32Len = 40
	section64Len = 64
	sym32Len     = 16
	sym64Len     = 24
	chdr32Len    = 12
	chdr64Len    = 24
)

// maxTable bounds any one table or section this package reads whole
// (section headers, a string table, .dynsym): real ones are kilobytes to a
// few megabytes, and the bound keeps a hostile size from costing more.
const maxTable = 64 << 20

// File is an ELF file's header, decoded, and the reader the rest of the
// file is read from when asked.
type File struct {
	Class      Class
	Data       Data
	Version    byte // EI_VERSION
	OSABI      OSABI
	ABIVersion byte
	Type       Type
	Machine    Machine
	EVersion   uint32 // e_version
	Entry      uint64
	Flags      uint32 // e_flags (processor-specific)

	Phoff     uint64 // where the program header table starts
	Phentsize int    // size of one program header
	Phnum     int    // number of program headers
	Shoff     uint64 // where the section header table starts
	Shentsize int
	Shnum     int // 0 with Shoff set: the count is in section 0 (Sections)
	Shstrndx  int // section holding the section names

	// ByteOrder decodes the file's multi-byte fields.
	ByteOrder binary.ByteOrder

	r    io.ReaderAt
	size int64
}

// NewFile decodes the ELF header of the size-byte file read through r.
// It fails with ErrNotELF for anything that is not ELF, and with a
// *FormatError when the header is cut short.
func NewFile(r io.ReaderAt, size int64) (*File, error) {
	var h [header64Len]byte
	n, err := r.ReadAt(h[:], 0)
	if n < EI_NIDENT {
		if err == nil || err == io.EOF {
			return nil, ErrNotELF
		}
		return nil, err
	}
	b := h[:n]
	if string(b[:4]) != ELFMAG {
		return nil, ErrNotELF
	}
	f, err := ParseHeader(b)
	if err != nil {
		return nil, err
	}
	f.r, f.size = r, size
	return f, nil
}

// ParseHeader decodes an ELF header from the first bytes of a file (at
// least 52 for ELFCLASS32, 64 for ELFCLASS64). The File it returns has no
// reader: only its header fields are usable.
func ParseHeader(b []byte) (*File, error) {
	if len(b) < EI_NIDENT || string(b[:4]) != ELFMAG {
		return nil, ErrNotELF
	}
	f := &File{
		Class: Class(b[EI_CLASS]), Data: Data(b[EI_DATA]), Version: b[EI_VERSION],
		OSABI: OSABI(b[EI_OSABI]), ABIVersion: b[EI_ABIVERSION],
	}
	switch f.Data {
	case ELFDATA2LSB:
		f.ByteOrder = binary.LittleEndian
	case ELFDATA2MSB:
		f.ByteOrder = binary.BigEndian
	default:
		return nil, fmt.Errorf("%w: unknown data encoding %d", ErrNotELF, f.Data)
	}
	o := f.ByteOrder
	if len(b) >= 24 {
		f.Type, f.Machine, f.EVersion = Type(o.Uint16(b[16:])), Machine(o.Uint16(b[18:])), o.Uint32(b[20:])
	}
	switch f.Class {
	case ELFCLASS64:
		if len(b) < header64Len {
			return nil, formatError(uint64(len(b)), "truncated header")
		}
		f.Entry, f.Phoff, f.Shoff = o.Uint64(b[24:]), o.Uint64(b[32:]), o.Uint64(b[40:])
		f.Flags = o.Uint32(b[48:])
		b = b[52:]
	case ELFCLASS32:
		if len(b) < header32Len {
			return nil, formatError(uint64(len(b)), "truncated header")
		}
		f.Entry, f.Phoff, f.Shoff = uint64(o.Uint32(b[24:])), uint64(o.Uint32(b[28:])), uint64(o.Uint32(b[32:]))
		f.Flags = o.Uint32(b[36:])
		b = b[40:]
	default:
		return nil, fmt.Errorf("%w: unknown class %d", ErrNotELF, f.Class)
	}
	// From e_ehsize on, both classes have the same layout.
	f.Phentsize, f.Phnum = int(o.Uint16(b[2:])), int(o.Uint16(b[4:]))
	f.Shentsize, f.Shnum, f.Shstrndx = int(o.Uint16(b[6:])), int(o.Uint16(b[8:])), int(o.Uint16(b[10:]))
	return f, nil
}

// Size is the size of the file, as given to NewFile.
func (f *File) Size() int64 { return f.size }

// ReadBytes reads n bytes at offset off, refusing a range that is not
// entirely inside the file or is longer than limit.
func (f *File) ReadBytes(off, n uint64, limit int) ([]byte, error) {
	if f.r == nil {
		return nil, formatError(off, "no data")
	}
	if n > uint64(limit) || f.size < 0 || off > uint64(f.size) || n > uint64(f.size)-off {
		return nil, formatError(off, "%d bytes out of bounds (file size %d)", n, f.size)
	}
	b := make([]byte, n)
	if m, err := f.r.ReadAt(b, int64(off)); m < len(b) {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("read at %#x: %w", off, err)
	}
	return b, nil
}

// CString reads the NUL-terminated string at offset off, at most max
// bytes long; it also returns how many bytes it read, so that callers can
// bound the total they read from one file.
func (f *File) CString(off uint64, max int) (s string, read int, err error) {
	var out []byte
	var chunk [128]byte
	for len(out) < max && f.r != nil && off < uint64(f.size) {
		n, rerr := f.r.ReadAt(chunk[:], int64(off))
		read += n
		if i := bytes.IndexByte(chunk[:n], 0); i >= 0 {
			if len(out)+i > max {
				break
			}
			return string(append(out, chunk[:i]...)), read, nil
		}
		out = append(out, chunk[:n]...)
		off += uint64(n)
		if rerr != nil || n == 0 {
			break
		}
	}
	return "", read, formatError(off, "unterminated string")
}
