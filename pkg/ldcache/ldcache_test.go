package ldcache

import (
	"encoding/binary"
	"errors"
	"os"
	"testing"
)

func TestParseSmall(t *testing.T) {
	// testdata/small.cache was made by glibc 2.36's ldconfig -r on a tree
	// holding libz in a default dir and in glibc-hwcaps/x86-64-v2, and
	// libacl in a directory named by ld.so.conf.
	c, err := Load("testdata/small.cache")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Flags: FlagsX8664, Name: "libz.so.1", Path: "/lib/x86_64-linux-gnu/glibc-hwcaps/x86-64-v2/libz.so.1.2.13", HWCap: 1 << 62, HWCaps: "x86-64-v2"},
		{Flags: FlagsX8664, Name: "libz.so.1", Path: "/lib/x86_64-linux-gnu/libz.so.1"},
		{Flags: FlagsX8664, Name: "libacl.so.1", Path: "/opt/lib/libacl.so.1"},
	}
	if !c.New || len(c.Entries) != len(want) {
		t.Fatalf("got %+v", c)
	}
	for i := range want {
		if c.Entries[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, c.Entries[i], want[i])
		}
	}
	if c.Generator == "" {
		t.Errorf("no generator string")
	}
	if d := c.Entries[0].Describe(); d != `libc6,x86-64, hwcap: "x86-64-v2"` {
		t.Errorf("Describe = %q", d)
	}

	v2 := func(name string) int {
		if name == "x86-64-v2" {
			return 1
		}
		return 0
	}
	for _, tc := range []struct {
		name  string
		prio  func(string) int
		flags int32
		want  string
	}{
		{"libz.so.1", v2, FlagsX8664, want[0].Path},
		{"libz.so.1", nil, FlagsX8664, want[1].Path},
		{"libz.so.1", func(string) int { return 0 }, FlagsX8664, want[1].Path},
		{"libacl.so.1", v2, FlagsX8664, want[2].Path},
		{"libacl.so.1", v2, FlagELFLibc6, ""}, // a 32-bit program must not get a 64-bit library
		{"libnope.so.1", v2, FlagsX8664, ""},
	} {
		got, ok := c.Lookup(tc.name, tc.flags, tc.prio)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q, %#x) = %q, %v; want %q", tc.name, tc.flags, got, ok, tc.want)
		}
	}
}

// oldPrefixed builds a cache in the old layout (one entry whose strings
// follow the table) or, given newPart, in the compat layout that
// ldconfig -c compat wrote: the old table, padding to 8 bytes, the new layout.
func oldPrefixed(t *testing.T, newPart []byte) []byte {
	t.Helper()
	b := []byte("ld.so-1.7.0\x00")
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, FlagELFLibc6) // flags
	b = binary.LittleEndian.AppendUint32(b, 0)            // key: "libold.so.1"
	b = binary.LittleEndian.AppendUint32(b, 12)           // value
	if newPart == nil {
		return append(b, "libold.so.1\x00/lib/libold.so.1\x00"...)
	}
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return append(b, newPart...)
}

func TestParseOldLayout(t *testing.T) {
	small, err := os.ReadFile("testdata/small.cache")
	if err != nil {
		t.Fatal(err)
	}
	// Old table alone: its strings count from the end of the table.
	old := oldPrefixed(t, nil)
	c, err := Parse(old)
	if err != nil {
		t.Fatal(err)
	}
	if c.New || len(c.Entries) != 1 || c.Entries[0].Name != "libold.so.1" || c.Entries[0].Path != "/lib/libold.so.1" {
		t.Fatalf("old layout: %+v", c)
	}
	if d := c.Entries[0].Describe(); d != "libc6" {
		t.Errorf("Describe = %q", d)
	}
	// With the new layout after it, the new layout wins.
	c, err = Parse(oldPrefixed(t, small))
	if err != nil {
		t.Fatal(err)
	}
	if !c.New || len(c.Entries) != 3 || c.Entries[2].Path != "/opt/lib/libacl.so.1" {
		t.Fatalf("compat layout: %+v", c)
	}
}

func TestParseRejects(t *testing.T) {
	small, err := os.ReadFile("testdata/small.cache")
	if err != nil {
		t.Fatal(err)
	}
	huge := append([]byte(nil), small...)
	binary.LittleEndian.PutUint32(huge[20:], 0xffffffff) // nlibs
	badStr := append([]byte(nil), small...)
	binary.LittleEndian.PutUint32(badStr[48+4:], 0x7fffffff) // first key offset
	for name, data := range map[string][]byte{
		"empty":     {},
		"text":      []byte("hello, world\n"),
		"truncated": small[:40],
		"nlibs":     huge,
		"string":    badStr,
		"old-nlibs": append([]byte("ld.so-1.7.0\x00"), 0xff, 0xff, 0xff, 0x0f),
	} {
		if _, err := Parse(data); !errors.Is(err, ErrNotCache) {
			t.Errorf("%s: err = %v, want ErrNotCache", name, err)
		}
	}
}

func TestHostCache(t *testing.T) {
	c, err := Load(DefaultPath)
	if err != nil {
		t.Skip(err)
	}
	if _, ok := c.Lookup("libc.so.6", FlagsX8664, func(string) int { return 1 }); !ok && len(c.Entries) > 0 {
		t.Errorf("libc.so.6 not in the host cache (%d entries)", len(c.Entries))
	}
}

func TestDescribe(t *testing.T) {
	for _, tc := range []struct {
		e    Entry
		want string
	}{
		{Entry{Flags: FlagELF}, "ELF"},
		{Entry{Flags: FlagELFLibc5}, "libc5"},
		{Entry{Flags: 0x0a03}, "libc6,AArch64"},
		{Entry{Flags: 0x7f03}, "libc6,32512"},
		{Entry{Flags: 0x0099}, "unknown"},
		{Entry{Flags: FlagsX8664, HWCap: 0x10}, "libc6,x86-64, hwcap: 0x0000000000000010"},
		{Entry{Flags: FlagsX8664, OSVersion: 0x00020620}, "libc6,x86-64, OS ABI: Linux 2.6.32"},
		{Entry{Flags: FlagsX8664, OSVersion: 0x09000000}, "libc6,x86-64, OS ABI: Unknown OS 0.0.0"},
	} {
		if got := tc.e.Describe(); got != tc.want {
			t.Errorf("Describe(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	small, err := os.ReadFile("testdata/small.cache")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Add(small[:100])
	f.Add([]byte("ld.so-1.7.0\x00\x01\x00\x00\x00"))
	f.Add([]byte("glibc-ld.so.cache1.1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			return
		}
		if len(c.Entries) > len(data) {
			t.Fatalf("%d entries from %d bytes", len(c.Entries), len(data))
		}
		for i := range c.Entries {
			_ = c.Entries[i].Describe()
		}
		c.Lookup("libc.so.6", FlagsX8664, func(string) int { return 1 })
	})
}
