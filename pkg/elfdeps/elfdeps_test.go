package elfdeps

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/zinebox/zinebox/pkg/elf"
)

// testdata/tiny-exe: a PIE built with gcc -nostdlib needing libl.so and
// libc.so.6, DT_RUNPATH "$ORIGIN/lib:/opt". testdata/tiny-lib.so: a shared
// object with DT_SONAME libtiny.so.1 and DT_RUNPATH "$LIB", no DT_NEEDED.
func TestOpen(t *testing.T) {
	o, err := Open("testdata/tiny-exe", false)
	if err != nil {
		t.Fatal(err)
	}
	if o.Machine != elf.EM_X86_64 || o.Class != elf.ELFCLASS64 || o.Type != elf.ET_DYN || !o.PIE() {
		t.Errorf("header: %+v", o)
	}
	if o.Interp != "/lib64/ld-linux-x86-64.so.2" || !o.HasDynamic {
		t.Errorf("interp %q dynamic %v", o.Interp, o.HasDynamic)
	}
	if !slices.Equal(o.Needed, []string{"libl.so", "libc.so.6"}) || o.RunPath != "$ORIGIN/lib:/opt" || o.HasRPath {
		t.Errorf("dynamic: needed %q runpath %q rpath %v", o.Needed, o.RunPath, o.HasRPath)
	}
	l, err := Open("testdata/tiny-lib.so", false)
	if err != nil {
		t.Fatal(err)
	}
	if l.SOName != "libtiny.so.1" || l.HasInterp || l.PIE() || len(l.Needed) != 0 || l.RunPath != "$LIB" {
		t.Errorf("lib: %+v", l)
	}
	if _, err := Open("testdata", false); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
	if _, err := Open("elf.go", false); !errors.Is(err, ErrNotELF) {
		t.Errorf("Go source: %v", err)
	}
}

func TestResolveTestdata(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	// A fake lib/ directory next to the program makes $ORIGIN/lib match.
	tmp := t.TempDir()
	exe := filepath.Join(tmp, "tiny-exe")
	copyFile(t, filepath.Join(dir, "tiny-exe"), exe)
	copyFile(t, filepath.Join(dir, "tiny-lib.so"), filepath.Join(tmp, "lib", "libl.so"))
	r := NewResolver(Config{Dir: tmp})
	tr, err := r.Resolve("./tiny-exe")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range tr.List {
		got = append(got, l.Name+" => "+l.Path)
	}
	want := []string{
		"linux-vdso.so.1 => ",
		"libl.so => " + tmp + "/./lib/libl.so",
		"libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6",
		"/lib64/ld-linux-x86-64.so.2 => /lib64/ld-linux-x86-64.so.2",
	}
	if _, err := os.Stat("/lib/x86_64-linux-gnu/libc.so.6"); err != nil {
		t.Skip("no glibc here")
	}
	if !slices.Equal(got, want) {
		t.Errorf("list:\n got %q\nwant %q", got, want)
	}
	files, err := Closure(exe, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{exe, "/lib64/ld-linux-x86-64.so.2", filepath.Join(tmp, "lib/libl.so"), "/lib/x86_64-linux-gnu/libc.so.6"} {
		if !slices.Contains(files, f) {
			t.Errorf("Closure lacks %s: %q", f, files)
		}
	}
	real, err := filepath.EvalSymlinks("/lib/x86_64-linux-gnu/libc.so.6")
	if err == nil && !slices.Contains(files, real) {
		t.Errorf("Closure lacks the real file %s: %q", real, files)
	}
	// Without the library next to it, Closure reports it missing.
	if err := os.RemoveAll(filepath.Join(tmp, "lib")); err != nil {
		t.Fatal(err)
	}
	files, err = Closure(exe, nil)
	var me *MissingError
	if !errors.As(err, &me) || !slices.Equal(me.Names, []string{"libl.so"}) || !slices.Contains(files, exe) {
		t.Errorf("missing: %v %q", err, files)
	}
	if files, err := Closure(filepath.Join(dir, "tiny-lib.so"), nil); err != nil || len(files) != 1 {
		t.Errorf("library without deps: %v %q", err, files)
	}
	if _, err := Closure("elf.go", nil); !errors.Is(err, ErrNotDynamic) {
		t.Errorf("source file: %v", err)
	}
}

func TestExpand(t *testing.T) {
	s := &state{r: NewResolver(Config{Dir: "/work", Platform: &Platform{Lib: "lib/x86_64-linux-gnu", Name: "haswell"}})}
	for _, tc := range []struct{ path, in, want string }{
		{"/usr/bin/x", "$ORIGIN/../lib", "/usr/bin/../lib"},
		{"./x", "${ORIGIN}", "/work/."},
		{"x", "$ORIGIN", "/work"},
		{"/x", "$ORIGIN", "/"},
		{"/a/x", "$ORIGINAL/$LIB/$PLATFORM/${LIB}", "$ORIGINAL/lib/x86_64-linux-gnu/haswell/lib/x86_64-linux-gnu"},
		{"/a/x", "$$", "$$"},
	} {
		got, ok := s.expand(tc.in, &Lib{Path: tc.path})
		if !ok || got != tc.want {
			t.Errorf("expand(%q) for %s = %q, %v; want %q", tc.in, tc.path, got, ok, tc.want)
		}
	}
	if _, ok := s.expand("$ORIGIN/x", &Lib{}); ok {
		t.Errorf("$ORIGIN of an object without a path expanded")
	}
	got := s.dirs("a//:/:$LIB::a/", &Lib{Path: "/p/x"}, ":")
	want := []string{"a/", "/", "lib/x86_64-linux-gnu/", ""}
	if !slices.Equal(got, want) {
		t.Errorf("dirs = %q, want %q", got, want)
	}
}

// TestHostile feeds damaged and malicious headers: Read must return an
// error or an object, never panic or allocate what the header claims.
func TestHostile(t *testing.T) {
	good, err := os.ReadFile("testdata/tiny-exe")
	if err != nil {
		t.Fatal(err)
	}
	mod := func(f func(b []byte)) []byte {
		b := bytes.Clone(good)
		f(b)
		return b
	}
	cases := map[string][]byte{
		"empty":        {},
		"magic only":   []byte("\x7fELF"),
		"truncated":    good[:40],
		"no phdrs":     good[:100],
		"huge phnum":   mod(func(b []byte) { binary.LittleEndian.PutUint16(b[56:], 0xffff) }),
		"phoff beyond": mod(func(b []byte) { binary.LittleEndian.PutUint64(b[32:], 1<<62) }),
		"bad class":    mod(func(b []byte) { b[elf.EI_CLASS] = 9 }),
		"bad data":     mod(func(b []byte) { b[elf.EI_DATA] = 9 }),
	}
	// Every program header offset and size pointed far away.
	for i := 0; i < 8; i++ {
		i := i
		cases["phdr huge filesz "+string(rune('0'+i))] = mod(func(b []byte) {
			ph := 64 + i*56
			if ph+56 <= len(b) {
				binary.LittleEndian.PutUint64(b[ph+32:], 1<<60)
			}
		})
		cases["phdr huge off "+string(rune('0'+i))] = mod(func(b []byte) {
			ph := 64 + i*56
			if ph+56 <= len(b) {
				binary.LittleEndian.PutUint64(b[ph+8:], 1<<60)
			}
		})
	}
	for name, data := range cases {
		o, err := Read(bytes.NewReader(data), int64(len(data)))
		if err == nil && o == nil {
			t.Errorf("%s: nil object without error", name)
		}
	}
}

// TestCycle resolves two libraries that need each other: the walk ends
// and lists each once.
func TestCycle(t *testing.T) {
	p := &Platform{Machine: elf.EM_X86_64, Class: elf.ELFCLASS64, RTLD: "/nonexistent/ld.so"}
	r := NewResolver(Config{Platform: p, NoCache: true})
	a := &Object{Class: elf.ELFCLASS64, Machine: elf.EM_X86_64, Data: elf.ELFDATA2LSB, Type: elf.ET_DYN, HasDynamic: true, Needed: []string{"libb.so", "liba.so"}, SOName: "liba.so", HasRPath: true, RPath: "/d"}
	b := &Object{Class: elf.ELFCLASS64, Machine: elf.EM_X86_64, Data: elf.ELFDATA2LSB, Type: elf.ET_DYN, HasDynamic: true, Needed: []string{"liba.so", "libb.so"}, SOName: "libb.so", HasRPath: true, RPath: "/d"}
	r.objs["/d/liba.so"] = objResult{obj: a, id: fileID{1, 1}}
	r.objs["/d/libb.so"] = objResult{obj: b, id: fileID{1, 2}}
	tr, err := r.Resolve("/d/liba.so")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range tr.List {
		got = append(got, l.Name+"="+l.Path)
	}
	want := []string{"linux-vdso.so.1=", "libb.so=/d/libb.so"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o755); err != nil {
		t.Fatal(err)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"testdata/tiny-exe", "testdata/tiny-lib.so"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\x7fELF\x02\x01\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := Read(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if len(o.Needed) > len(data) || len(o.dynamic) > len(data) {
			t.Fatalf("more entries than bytes")
		}
		_ = o.ReadVersions()
		_ = o.MappedSize()
	})
}

// hostileELF builds a 64-bit ELF whose dynamic section has n DT_NEEDED
// entries, all naming one string of strLen bytes.
func hostileELF(n, strLen int) []byte {
	le := binary.LittleEndian
	const phoff, phnum = 64, 2
	dynOff := phoff + phnum*56
	dynLen := (n + 3) * 16
	strOff := dynOff + dynLen
	size := strOff + strLen + 1
	b := make([]byte, size)
	copy(b, "\x7fELF\x02\x01\x01")
	le.PutUint16(b[16:], uint16(elf.ET_DYN))
	le.PutUint16(b[18:], uint16(elf.EM_X86_64))
	le.PutUint32(b[20:], 1)
	le.PutUint64(b[32:], phoff)
	le.PutUint16(b[52:], 64)
	le.PutUint16(b[54:], 56)
	le.PutUint16(b[56:], phnum)
	ph := func(i int, typ elf.ProgType, off, sz int) {
		p := b[phoff+i*56:]
		le.PutUint32(p, uint32(typ))
		le.PutUint64(p[8:], uint64(off))
		le.PutUint64(p[16:], uint64(off)) // vaddr = offset
		le.PutUint64(p[32:], uint64(sz))
		le.PutUint64(p[40:], uint64(sz))
	}
	ph(0, elf.PT_LOAD, 0, size)
	ph(1, elf.PT_DYNAMIC, dynOff, dynLen)
	d := b[dynOff:]
	for i := 0; i < n; i++ {
		le.PutUint64(d[i*16:], uint64(elf.DT_NEEDED))
	}
	le.PutUint64(d[n*16:], uint64(elf.DT_STRTAB))
	le.PutUint64(d[n*16+8:], uint64(strOff))
	le.PutUint64(d[n*16+16:], uint64(elf.DT_STRSZ))
	le.PutUint64(d[n*16+24:], uint64(strLen+1))
	for i := 0; i < strLen; i++ {
		b[strOff+i] = 'a'
	}
	return b
}

// TestHugeCounts: tens of thousands of DT_NEEDED entries naming a long
// string must be refused without reading gigabytes of strings.
func TestHugeCounts(t *testing.T) {
	ok := hostileELF(3, 10)
	o, err := Read(bytes.NewReader(ok), int64(len(ok)))
	if err != nil || len(o.Needed) != 3 || o.Needed[0] != "aaaaaaaaaa" {
		t.Fatalf("sane file: %v %+v", err, o)
	}
	for _, tc := range []struct{ n, strLen int }{{60000, 10}, {900, 4000}} {
		data := hostileELF(tc.n, tc.strLen)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Read(bytes.NewReader(data), int64(len(data)))
		runtime.ReadMemStats(&after)
		if err == nil {
			t.Errorf("%d needed entries of %d bytes accepted", tc.n, tc.strLen)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("%d entries: allocated %d bytes", tc.n, alloc)
		}
	}
}
