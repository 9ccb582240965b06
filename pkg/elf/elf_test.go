package elf

import (
	"bytes"
	goelf "debug/elf" // the Go toolchain's reader, as a second opinion in tests only
	"encoding/binary"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// seeds lists real ELF files of every class and byte order the machine
// has: the system's programs and libraries, and the Go distribution's
// debug/elf test files (32-bit, big-endian, relocatable, compressed
// sections).
func seeds(t testing.TB) []string {
	var out []string
	for _, p := range []string{
		"/bin/true", "/bin/ls", "/lib64/ld-linux-x86-64.so.2",
		"/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libz.so.1",
		"../elfdeps/testdata/tiny-exe", "../elfdeps/testdata/tiny-lib.so",
	} {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	if root := runtime.GOROOT(); root != "" {
		m, _ := filepath.Glob(filepath.Join(root, "src/debug/elf/testdata/*"))
		for _, p := range m {
			if !strings.HasSuffix(p, ".c") && !strings.HasSuffix(p, ".gz") {
				out = append(out, p)
			}
		}
	}
	if len(out) == 0 {
		t.Skip("no ELF files on this machine")
	}
	return out
}

func open(t testing.TB, path string) (*File, []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f, b
}

// TestAgainstDebugELF reads every seed with this package and with Go's
// debug/elf and requires the same header, segments, sections and dynamic
// symbols.
func TestAgainstDebugELF(t *testing.T) {
	for _, path := range seeds(t) {
		f, b := open(t, path)
		g, err := goelf.NewFile(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: debug/elf: %v", path, err)
			continue
		}
		if f.Class != Class(g.Class) || f.Data != Data(g.Data) || f.OSABI != OSABI(g.OSABI) ||
			f.Type != Type(g.Type) || f.Machine != Machine(g.Machine) || f.Entry != g.Entry {
			t.Errorf("%s: header %+v, debug/elf %+v", path, f, g.FileHeader)
		}
		progs, err := f.Progs()
		if err != nil || len(progs) != len(g.Progs) {
			t.Errorf("%s: %d segments (%v), debug/elf %d", path, len(progs), err, len(g.Progs))
			continue
		}
		for i, p := range progs {
			q := g.Progs[i].ProgHeader
			want := Prog{ProgType(q.Type), uint32(q.Flags), q.Off, q.Vaddr, q.Paddr, q.Filesz, q.Memsz, q.Align}
			if p != want {
				t.Errorf("%s: segment %d = %+v, debug/elf %+v", path, i, p, want)
			}
		}
		secs, err := f.Sections()
		if err != nil || len(secs) != len(g.Sections) {
			t.Errorf("%s: %d sections (%v), debug/elf %d", path, len(secs), err, len(g.Sections))
			continue
		}
		for i, s := range secs {
			q := g.Sections[i].SectionHeader
			want := Section{q.Name, SectionType(q.Type), uint64(q.Flags), q.Addr, q.Offset, q.FileSize, q.Size, q.Link, q.Info, q.Addralign, q.Entsize}
			if s != want {
				t.Errorf("%s: section %d = %+v, debug/elf %+v", path, i, s, want)
			}
		}
		syms, err := f.DynamicSymbols()
		gsyms, gerr := g.DynamicSymbols()
		if (err == nil) != (gerr == nil) || len(syms) != len(gsyms) {
			t.Errorf("%s: %d dynamic symbols (%v), debug/elf %d (%v)", path, len(syms), err, len(gsyms), gerr)
			continue
		}
		for i, s := range syms {
			q := gsyms[i]
			want := Symbol{q.Name, q.Info, q.Other, SectionIndex(q.Section), q.Value, q.Size}
			if s != want {
				t.Errorf("%s: symbol %d = %+v, debug/elf %+v", path, i, s, want)
			}
		}
	}
}

// TestDynamicAndNotes checks the dynamic section, the interpreter and the
// build ID against readelf(1) on the system's programs.
func TestDynamicAndNotes(t *testing.T) {
	if _, err := exec.LookPath("readelf"); err != nil {
		t.Skip("readelf not installed")
	}
	for _, path := range []string{"/bin/true", "/bin/ls", "/lib/x86_64-linux-gnu/libc.so.6"} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		out, err := exec.Command("readelf", "-W", "-l", "-d", "-n", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		f, _ := open(t, path)
		progs, err := f.Progs()
		if err != nil {
			t.Fatal(err)
		}
		var interp string
		var needed []string
		var buildID string
		for _, p := range progs {
			switch p.Type {
			case PT_INTERP:
				if interp, err = f.Interp(p, 4096); err != nil {
					t.Fatal(err)
				}
			case PT_DYNAMIC:
				b, err := f.ReadBytes(p.Off, p.Filesz, 1<<20)
				if err != nil {
					t.Fatal(err)
				}
				var strtab, strsz uint64
				dyn := f.Dynamic(b)
				for _, d := range dyn {
					switch d.Tag {
					case DT_STRTAB:
						strtab = d.Val
					case DT_STRSZ:
						strsz = d.Val
					}
				}
				for _, d := range dyn {
					if d.Tag != DT_NEEDED || d.Val >= strsz {
						continue
					}
					off, ok := VaddrToOffset(progs, strtab+d.Val)
					if !ok {
						t.Fatalf("%s: DT_STRTAB %#x not mapped", path, strtab)
					}
					s, _, err := f.CString(off, 4096)
					if err != nil {
						t.Fatal(err)
					}
					needed = append(needed, s)
				}
			case PT_NOTE:
				b, err := f.ReadBytes(p.Off, p.Filesz, 1<<20)
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range Notes(b, f, int(p.Align), 64) {
					if n.Name == "GNU" && n.Type == NT_GNU_BUILD_ID {
						buildID = hex.EncodeToString(n.Desc)
					}
				}
			}
		}
		text := string(out)
		if m := regexp.MustCompile(`Requesting program interpreter: ([^\]]*)\]`).FindStringSubmatch(text); m != nil && m[1] != interp {
			t.Errorf("%s: interpreter %q, readelf %q", path, interp, m[1])
		}
		var want []string
		for _, m := range regexp.MustCompile(`\(NEEDED\)\s+Shared library: \[([^\]]*)\]`).FindAllStringSubmatch(text, -1) {
			want = append(want, m[1])
		}
		if strings.Join(needed, ",") != strings.Join(want, ",") {
			t.Errorf("%s: DT_NEEDED %q, readelf %q", path, needed, want)
		}
		if m := regexp.MustCompile(`Build ID: ([0-9a-f]+)`).FindStringSubmatch(text); m == nil || m[1] != buildID {
			t.Errorf("%s: build ID %q, readelf says %q", path, buildID, m)
		}
	}
}

// exercise reads everything this package can read from data, as ldd and
// file would, and checks that nothing read is larger than the file.
func exercise(t *testing.T, data []byte) error {
	f, err := NewFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	progs, perr := f.Progs()
	if len(progs)*32 > len(data) {
		t.Fatalf("%d segments from %d bytes", len(progs), len(data))
	}
	budget := 1 << 20 // bytes of strings to read, as elfdeps bounds them
	for _, p := range progs {
		switch p.Type {
		case PT_INTERP:
			f.Interp(p, 4096)
		case PT_DYNAMIC, PT_NOTE:
			if b, err := f.ReadBytes(p.Off, p.Filesz, 1<<20); err == nil {
				for _, d := range f.Dynamic(b) {
					if off, ok := VaddrToOffset(progs, d.Val); ok && budget > 0 {
						_, n, _ := f.CString(off, 4096)
						budget -= n
					}
				}
				Notes(b, f, int(p.Align), 1000)
			}
		}
	}
	secs, serr := f.Sections()
	if len(secs)*40 > len(data) {
		t.Fatalf("%d sections from %d bytes", len(secs), len(data))
	}
	for i := range secs {
		if secs[i].Type == SHT_NOTE {
			if b, err := f.SectionData(&secs[i], 1<<20); err == nil {
				Notes(b, f, int(secs[i].Addralign), 1000)
			}
		}
	}
	syms, _ := f.DynamicSymbols()
	if len(syms)*16 > len(data) {
		t.Fatalf("%d symbols from %d bytes", len(syms), len(data))
	}
	return errors.Join(perr, serr)
}

// TestTruncated cuts real files short at many places, including every
// entry of their program and section header tables: each reader either
// succeeds or returns an error, and a cut inside a table is an error.
func TestTruncated(t *testing.T) {
	for _, path := range seeds(t) {
		f, b := open(t, path)
		phEnd := f.Phoff + uint64(f.Phnum*f.Phentsize)
		shEnd := f.Shoff + uint64(f.Shnum*f.Shentsize)
		cuts := []uint64{0, 1, 4, 5, 15, 16, 20, 51, 52, 63, 64, uint64(len(b)) / 2, uint64(len(b)) - 1}
		for i := 0; i <= f.Phnum; i++ {
			cuts = append(cuts, f.Phoff+uint64(i*f.Phentsize)-1)
		}
		for i := 0; i <= f.Shnum; i++ {
			cuts = append(cuts, f.Shoff+uint64(i*f.Shentsize)-1)
		}
		for _, n := range cuts {
			if n >= uint64(len(b)) {
				continue
			}
			data := b[:n]
			err := exercise(t, data)
			if f.Phnum > 0 && n < phEnd && err == nil {
				t.Errorf("%s cut at %d (program headers end at %d): no error", path, n, phEnd)
			}
			if f.Shnum > 0 && n < shEnd && err == nil {
				t.Errorf("%s cut at %d (section headers end at %d): no error", path, n, shEnd)
			}
		}
	}
}

// TestCorrupt damages one field at a time in a real program and names the
// reader that must refuse it.
func TestCorrupt(t *testing.T) {
	good, err := os.ReadFile("../elfdeps/testdata/tiny-exe")
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	f, _ := open(t, "../elfdeps/testdata/tiny-exe")
	secs, err := f.Sections()
	if err != nil {
		t.Fatal(err)
	}
	dynsym := -1
	for i, s := range secs {
		if s.Type == SHT_DYNSYM {
			dynsym = i
		}
	}
	if dynsym < 0 {
		t.Fatal("tiny-exe has no .dynsym")
	}
	sh := func(i, field int) int { return int(f.Shoff) + i*64 + field }
	type check func(f *File) error
	header := func(f *File) error { return nil }
	progs := func(f *File) error { _, err := f.Progs(); return err }
	sections := func(f *File) error { _, err := f.Sections(); return err }
	symbols := func(f *File) error { _, err := f.DynamicSymbols(); return err }
	for _, tc := range []struct {
		name    string
		mod     func(b []byte)
		notELF  bool // NewFile says ErrNotELF
		failing check
	}{
		{"bad magic", func(b []byte) { b[1] = 'e' }, true, header},
		{"bad class", func(b []byte) { b[EI_CLASS] = 9 }, true, header},
		{"bad data", func(b []byte) { b[EI_DATA] = 0 }, true, header},
		{"phentsize one short", func(b []byte) { le.PutUint16(b[54:], 55) }, false, progs},
		{"phnum huge", func(b []byte) { le.PutUint16(b[56:], 0xffff) }, false, progs},
		{"phoff past the end", func(b []byte) { le.PutUint64(b[32:], 1<<62) }, false, progs},
		{"phoff wraps", func(b []byte) { le.PutUint64(b[32:], ^uint64(0)-8) }, false, progs},
		{"shoff past the end", func(b []byte) { le.PutUint64(b[40:], 1<<62) }, false, sections},
		{"shoff zero with sections", func(b []byte) { le.PutUint64(b[40:], 0) }, false, sections},
		{"shentsize short", func(b []byte) { le.PutUint16(b[58:], 40) }, false, sections},
		{"shstrndx out of range", func(b []byte) { le.PutUint16(b[62:], 0x7fff) }, false, sections},
		{"shstrndx not a string table", func(b []byte) { le.PutUint16(b[62:], uint16(dynsym)) }, false, sections},
		{"section name out of range", func(b []byte) { le.PutUint32(b[sh(1, 0):], 1<<30) }, false, sections},
		{"names past the end", func(b []byte) { le.PutUint64(b[sh(f.Shstrndx, 24):], 1<<40) }, false, sections},
		{"names huge", func(b []byte) { le.PutUint64(b[sh(f.Shstrndx, 32):], 1<<62) }, false, sections},
		{"extended count without a null section", func(b []byte) {
			le.PutUint16(b[60:], 0)
			le.PutUint32(b[sh(0, 4):], uint32(SHT_PROGBITS))
		}, false, sections},
		{"extended count too small", func(b []byte) { le.PutUint16(b[60:], 0); le.PutUint64(b[sh(0, 32):], 3) }, false, sections},
		{"compressed section cut", func(b []byte) {
			le.PutUint64(b[sh(1, 8):], SHF_COMPRESSED)
			le.PutUint64(b[sh(1, 32):], 4)
		}, false, sections},
		{"dynsym size odd", func(b []byte) { le.PutUint64(b[sh(dynsym, 32):], 25) }, false, symbols},
		{"dynsym link out of range", func(b []byte) { le.PutUint32(b[sh(dynsym, 40):], 999) }, false, symbols},
		{"dynsym past the end", func(b []byte) { le.PutUint64(b[sh(dynsym, 24):], 1<<40) }, false, symbols},
	} {
		b := bytes.Clone(good)
		tc.mod(b)
		f, err := NewFile(bytes.NewReader(b), int64(len(b)))
		if tc.notELF {
			if !errors.Is(err, ErrNotELF) {
				t.Errorf("%s: NewFile: %v, want ErrNotELF", tc.name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: NewFile: %v", tc.name, err)
			continue
		}
		var fe *FormatError
		if err := tc.failing(f); !errors.As(err, &fe) {
			t.Errorf("%s: %v, want a FormatError", tc.name, err)
		}
		exercise(t, b)
	}
}

// TestNotes decodes hand-made note sections, including ones whose sizes
// point past the end.
func TestNotes(t *testing.T) {
	f := &File{ByteOrder: binary.LittleEndian}
	note := func(name string, typ uint32, desc string) []byte {
		var b []byte
		b = binary.LittleEndian.AppendUint32(b, uint32(len(name)+1))
		b = binary.LittleEndian.AppendUint32(b, uint32(len(desc)))
		b = binary.LittleEndian.AppendUint32(b, typ)
		b = append(b, name...)
		b = append(b, 0)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		b = append(b, desc...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	two := append(note("GNU", NT_GNU_BUILD_ID, "\x01\x02\x03"), note("Go", NT_GO_BUILD_ID, "abc/def")...)
	got := Notes(two, f, 4, 10)
	if len(got) != 2 || got[0].Name != "GNU" || string(got[0].Desc) != "\x01\x02\x03" || got[1].Name != "Go" || string(got[1].Desc) != "abc/def" {
		t.Errorf("two notes: %+v", got)
	}
	if got := Notes(two, f, 4, 1); len(got) != 1 {
		t.Errorf("limit 1: %d notes", len(got))
	}
	bad := bytes.Clone(two)
	binary.LittleEndian.PutUint32(bad[4:], 1<<31) // descsz far past the end
	if got := Notes(bad, f, 4, 10); len(got) != 0 {
		t.Errorf("huge descsz: %+v", got)
	}
	binary.LittleEndian.PutUint32(bad, 0xffffffff) // namesz too
	if got := Notes(bad, f, 8, 10); len(got) != 0 {
		t.Errorf("huge namesz: %+v", got)
	}
}

// FuzzFile feeds arbitrary bytes, starting from real files, to every
// reader: errors are fine, panics and oversized results are not.
func FuzzFile(f *testing.F) {
	for _, p := range []string{"../elfdeps/testdata/tiny-exe", "../elfdeps/testdata/tiny-lib.so"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	if root := runtime.GOROOT(); root != "" {
		for _, n := range []string{"gcc-386-freebsd-exec", "go-relocation-test-gcc540-mips.obj", "compressed-32.obj"} {
			if b, err := os.ReadFile(filepath.Join(root, "src/debug/elf/testdata", n)); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte("\x7fELF\x02\x01\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		exercise(t, data)
	})
}
