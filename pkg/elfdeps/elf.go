// Package elfdeps answers the question ldd(1) asks -- which shared libraries
// would the dynamic linker load for this program, and from where -- by
// reading files, never by running them.
//
// glibc's ldd runs the program's dynamic linker in a tracing mode, which is
// why its manual warns against using it on untrusted files: the ELF header
// names the program that is started. This package reads the ELF program
// headers and the dynamic section as ld.so does (it has no section headers
// to rely on: strip --strip-all and sstrip remove them) and replays ld.so's
// search: DT_RPATH up the loader chain, LD_LIBRARY_PATH, DT_RUNPATH,
// /etc/ld.so.cache, the default directories.
//
// Every file is untrusted input: counts and sizes are checked against the
// file and against fixed limits before anything is allocated, and a
// dependency graph with cycles terminates because each library is loaded
// once.
package elfdeps

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/zinebox/zinebox/pkg/elf"
)

// Limits on what a sane ELF file holds; anything larger is refused rather
// than read, so a hostile header cannot make us allocate gigabytes.
const (
	maxProgs       = 4096    // program headers
	maxDynamic     = 1 << 16 // dynamic entries
	maxString      = 4096    // bytes in one string (PATH_MAX)
	maxVerneed     = 4096    // Verneed plus Vernaux records in total
	maxNeeded      = 1024    // DT_NEEDED entries (real programs have tens)
	maxStringBytes = 1 << 20 // all strings read from one object together
)

// ErrNotELF is returned for a file that does not start with the ELF magic
// or whose header is unusable. (It is not elf.ErrNotELF itself: a variable
// copied from another package would need an init function.)
var ErrNotELF = errors.New("not an ELF file")

// Object is what the dynamic linker needs to know about one ELF file.
type Object struct {
	Class   elf.Class
	Data    elf.Data
	Machine elf.Machine
	OSABI   elf.OSABI
	Type    elf.Type

	Interp     string // PT_INTERP: the program the kernel starts to load this one
	HasInterp  bool
	HasDynamic bool // a PT_DYNAMIC segment: something for ld.so to do

	Needed     []string // DT_NEEDED, in order
	SOName     string   // DT_SONAME
	RPath      string   // DT_RPATH (ignored by ld.so when DT_RUNPATH is present)
	RunPath    string   // DT_RUNPATH
	HasRPath   bool
	HasRunPath bool
	Flags1     uint64 // DT_FLAGS_1: DF_1_NODEFLIB, DF_1_PIE, ...
	HasFlags1  bool   // whether DT_FLAGS_1 is present at all (file(1) cares)

	// VerNeed lists the symbol versions the object needs, per library
	// (.gnu.version_r, found through DT_VERNEED); read only on request.
	VerNeed []VerNeed

	f       *elf.File  // nil once the file is closed
	strRead int        // bytes of strings read so far, against maxStringBytes
	loads   []elf.Prog // PT_LOAD segments, for mapping addresses to offsets
	dynamic []elf.Dyn
}

// VerNeed is one Elf_Verneed record: a library and versions of it.
type VerNeed struct {
	File     string
	Versions []Version
}

// Version is one Elf_Vernaux record.
type Version struct {
	Name string
	Weak bool // VER_FLG_WEAK
}

// Is64 reports whether the object is ELFCLASS64.
func (o *Object) Is64() bool { return o.Class == elf.ELFCLASS64 }

// PIE reports whether DT_FLAGS_1 has DF_1_PIE (a position-independent
// executable rather than a shared library).
func (o *Object) PIE() bool { return o.Flags1&uint64(elf.DF_1_PIE) != 0 }

// NoDefLib reports DF_1_NODEFLIB: the default directories are not searched
// for this object's dependencies.
func (o *Object) NoDefLib() bool { return o.Flags1&uint64(elf.DF_1_NODEFLIB) != 0 }

// Open reads the ELF file at path, and its version needs (VerNeed) when
// versions is set. The file is closed when Open returns.
func Open(path string, versions bool) (*Object, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	o, err := Read(f, fi.Size())
	if err == nil && versions {
		err = o.ReadVersions()
	}
	if o != nil {
		o.f = nil // the file is closed
	}
	return o, err
}

// ErrNotRegular is returned by Open for directories, devices and the like.
var ErrNotRegular = errors.New("not regular file")

// Read parses an ELF object of size bytes from r. Versions are read only
// by ReadVersions.
func Read(r io.ReaderAt, size int64) (o *Object, err error) {
	return read(r, size, false)
}

// ReadLenient is Read for describing damaged files (file(1) does): an
// unreadable PT_INTERP or dynamic section leaves the fields it would have
// filled empty instead of failing. The header and program headers must
// still be sound.
func ReadLenient(r io.ReaderAt, size int64) (*Object, error) {
	return read(r, size, true)
}

func read(r io.ReaderAt, size int64, lenient bool) (o *Object, err error) {
	f, err := elf.NewFile(r, size)
	if err == elf.ErrNotELF {
		return nil, ErrNotELF
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotELF, err)
	}
	o = &Object{f: f, Class: f.Class, Data: f.Data, OSABI: f.OSABI, Type: f.Type, Machine: f.Machine}
	if f.Phnum > maxProgs {
		return nil, fmt.Errorf("%w: bad program header table", ErrNotELF)
	}
	progs, err := f.Progs()
	if err != nil {
		return nil, fmt.Errorf("%w: bad program header table: %v", ErrNotELF, err)
	}
	var dyn *elf.Prog
	for i, p := range progs {
		switch p.Type {
		case elf.PT_LOAD:
			o.loads = append(o.loads, p)
		case elf.PT_INTERP:
			s, err := f.Interp(p, maxString)
			if err != nil {
				if lenient {
					continue
				}
				return nil, fmt.Errorf("%w: %v", ErrNotELF, err)
			}
			o.Interp, o.HasInterp = s, true
		case elf.PT_DYNAMIC:
			if dyn == nil {
				dyn = &progs[i]
			}
		}
	}
	if dyn != nil {
		o.HasDynamic = true
		if err := o.readDynamic(dyn); err != nil && !lenient {
			return nil, err
		}
	}
	return o, nil
}

// readAt reads n bytes at off, refusing more than limit or past the end.
func (o *Object) readAt(off, n uint64, limit int) ([]byte, error) {
	if o.f == nil {
		return nil, fmt.Errorf("%w: file closed", ErrNotELF)
	}
	b, err := o.f.ReadBytes(off, n, limit)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotELF, err)
	}
	return b, nil
}

// readDynamic reads the dynamic section from its segment, as ld.so does,
// and the strings its entries name.
func (o *Object) readDynamic(p *elf.Prog) error {
	entsize := o.f.DynEntrySize()
	n := p.Filesz / entsize
	if n > maxDynamic {
		n = maxDynamic
	}
	b, err := o.readAt(p.Off, n*entsize, int(maxDynamic*entsize))
	if err != nil {
		return fmt.Errorf("PT_DYNAMIC: %w", err)
	}
	var strtab, strsz uint64
	var haveStrtab bool
	o.dynamic = o.f.Dynamic(b)
	for _, e := range o.dynamic {
		switch e.Tag {
		case elf.DT_STRTAB:
			strtab, haveStrtab = e.Val, true
		case elf.DT_STRSZ:
			strsz = e.Val
		case elf.DT_FLAGS_1:
			o.Flags1, o.HasFlags1 = e.Val, true
		}
	}
	str := func(off uint64) (string, error) {
		if !haveStrtab || off >= strsz {
			return "", fmt.Errorf("%w: string %#x outside DT_STRTAB", ErrNotELF, off)
		}
		return o.stringAt(strtab + off)
	}
	for _, e := range o.dynamic {
		var s string
		switch e.Tag {
		case elf.DT_NEEDED, elf.DT_SONAME, elf.DT_RPATH, elf.DT_RUNPATH:
			if s, err = str(e.Val); err != nil {
				return fmt.Errorf("%v: %w", e.Tag, err)
			}
		default:
			continue
		}
		switch e.Tag {
		case elf.DT_NEEDED:
			if len(o.Needed) >= maxNeeded {
				return fmt.Errorf("%w: more than %d DT_NEEDED entries", ErrNotELF, maxNeeded)
			}
			o.Needed = append(o.Needed, s)
		case elf.DT_SONAME:
			o.SOName = s
		case elf.DT_RPATH:
			if !o.HasRPath { // ld.so uses the first of each
				o.RPath, o.HasRPath = s, true
			}
		case elf.DT_RUNPATH:
			if !o.HasRunPath {
				o.RunPath, o.HasRunPath = s, true
			}
		}
	}
	return nil
}

// offset maps a virtual address to a file offset through the PT_LOAD
// segments, as the address would be after ld.so mapped the file.
func (o *Object) offset(addr uint64) (uint64, bool) {
	return elf.VaddrToOffset(o.loads, addr)
}

// stringAt reads the NUL-terminated string at virtual address addr, in
// small chunks so that a string table of megabytes is never read whole.
func (o *Object) stringAt(addr uint64) (string, error) {
	off, ok := o.offset(addr)
	if !ok {
		return "", fmt.Errorf("%w: address %#x not in a loaded segment", ErrNotELF, addr)
	}
	if o.f == nil {
		return "", fmt.Errorf("%w: file closed", ErrNotELF)
	}
	s, n, err := o.f.CString(off, maxString)
	if o.strRead += n; o.strRead > maxStringBytes {
		return "", fmt.Errorf("%w: more than %d bytes of strings", ErrNotELF, maxStringBytes)
	}
	if err != nil {
		return "", fmt.Errorf("%w: unterminated string at %#x", ErrNotELF, addr)
	}
	return s, nil
}

func (o *Object) dynValue(tag elf.DynTag) (uint64, bool) {
	for _, e := range o.dynamic {
		if e.Tag == tag {
			return e.Val, true
		}
	}
	return 0, false
}

// ReadVersions fills VerNeed from DT_VERNEED/DT_VERNEEDNUM. The reader the
// object was read from must still be open.
func (o *Object) ReadVersions() error {
	addr, ok := o.dynValue(elf.DT_VERNEED)
	if !ok {
		return nil
	}
	num, _ := o.dynValue(elf.DT_VERNEEDNUM)
	strtab, _ := o.dynValue(elf.DT_STRTAB)
	strsz, _ := o.dynValue(elf.DT_STRSZ)
	str := func(off uint32) (string, error) {
		if uint64(off) >= strsz {
			return "", fmt.Errorf("%w: version string %#x out of range", ErrNotELF, off)
		}
		return o.stringAt(strtab + uint64(off))
	}
	records := 0
	for i := uint64(0); i < num; i++ {
		off, ok := o.offset(addr)
		if !ok {
			return fmt.Errorf("%w: DT_VERNEED %#x not loaded", ErrNotELF, addr)
		}
		b, err := o.readAt(off, 16, 16)
		if err != nil {
			return err
		}
		order := o.f.ByteOrder
		cnt, file, aux, next := order.Uint16(b[2:]), order.Uint32(b[4:]), order.Uint32(b[8:]), order.Uint32(b[12:])
		name, err := str(file)
		if err != nil {
			return err
		}
		vn := VerNeed{File: name}
		a := addr + uint64(aux)
		for j := 0; j < int(cnt); j++ {
			if records++; records > maxVerneed {
				return fmt.Errorf("%w: too many version records", ErrNotELF)
			}
			aoff, ok := o.offset(a)
			if !ok {
				return fmt.Errorf("%w: Vernaux %#x not loaded", ErrNotELF, a)
			}
			ab, err := o.readAt(aoff, 16, 16)
			if err != nil {
				return err
			}
			vname, err := str(order.Uint32(ab[8:]))
			if err != nil {
				return err
			}
			vn.Versions = append(vn.Versions, Version{Name: vname, Weak: order.Uint16(ab[4:])&2 != 0})
			anext := order.Uint32(ab[12:])
			if anext == 0 {
				break
			}
			a += uint64(anext)
		}
		o.VerNeed = append(o.VerNeed, vn)
		if records++; records > maxVerneed {
			return fmt.Errorf("%w: too many version records", ErrNotELF)
		}
		if next == 0 {
			break
		}
		addr += uint64(next)
	}
	return nil
}

// MappedSize is the span of address space the object's PT_LOAD segments
// take once mapped.
func (o *Object) MappedSize() uint64 {
	var lo, hi uint64
	for i, l := range o.loads {
		if i == 0 || l.Vaddr < lo {
			lo = l.Vaddr
		}
		if end := l.Vaddr + l.Memsz; end > hi && end >= l.Vaddr {
			hi = end
		}
	}
	if hi < lo || hi-lo > 1<<40 {
		return 0
	}
	return hi - lo
}
