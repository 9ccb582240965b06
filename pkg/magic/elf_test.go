package magic

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDamagedELF describes a real program damaged one header field at a
// time, and cut short, and requires file(1)'s words for each.
func TestDamagedELF(t *testing.T) {
	good, err := os.ReadFile("../elfdeps/testdata/tiny-exe")
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	shoff := le.Uint64(good[40:])
	strndx := int(le.Uint16(good[62:]))
	cases := []struct {
		name string
		mod  func(b []byte) []byte
	}{
		{"intact", func(b []byte) []byte { return b }},
		{"program header size", func(b []byte) []byte { le.PutUint16(b[54:], 48); return b }},
		{"no section headers", func(b []byte) []byte { le.PutUint16(b[60:], 0); return b }},
		{"section header size", func(b []byte) []byte { le.PutUint16(b[58:], 40); return b }},
		{"section headers past the end", func(b []byte) []byte { le.PutUint64(b[40:], 1<<20); return b }},
		{"name table past the end", func(b []byte) []byte {
			le.PutUint64(b[shoff+uint64(strndx*64)+24:], 1<<40)
			return b
		}},
		{"ELF version 2", func(b []byte) []byte { b[6] = 2; le.PutUint32(b[20:], 2); return b }},
		{"cut in the section headers", func(b []byte) []byte { return b[:shoff+100] }},
		{"cut in the program headers", func(b []byte) []byte { return b[:100] }},
		{"core file", func(b []byte) []byte { le.PutUint16(b[16:], 4); return b }},
		{"processor-specific type", func(b []byte) []byte { le.PutUint16(b[16:], 0xff00); return b }},
		{"unknown type", func(b []byte) []byte { le.PutUint16(b[16:], 0x201); return b }},
		{"no type", func(b []byte) []byte { le.PutUint16(b[16:], 0); return b }},
		{"e_version 0", func(b []byte) []byte { le.PutUint32(b[20:], 0); return b }},
		{"e_version 0x101", func(b []byte) []byte { le.PutUint32(b[20:], 0x101); return b }},
		{"cut after e_machine", func(b []byte) []byte { return b[:22] }},
	}
	dir := t.TempDir()
	var names []string
	var ours []string
	for i, c := range cases {
		// Each file twice, with and without execute permission: file(1)
		// tells a PIE from a library by it when it cannot read the
		// dynamic section.
		for _, mode := range []os.FileMode{0o755, 0o644} {
			name := filepath.Join(dir, fmt.Sprintf("%d-%o", i, mode))
			if err := os.WriteFile(name, c.mod(bytes.Clone(good)), mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(name, mode); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
			ours = append(ours, Describe(name, Options{}).Desc)
		}
	}
	theirs := fileSays(t, dir, names, "-b")
	for i := range names {
		if ours[i] != theirs[i] {
			t.Errorf("%s (%s):\n ours: %s\n file: %s", cases[i/2].name, filepath.Base(names[i]), ours[i], theirs[i])
		}
	}
}
