package ldcache

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestMarshalRoundTrip writes caches back and reads them again: the test
// cache (hwcaps entries included), a subset of it, and this machine's own
// /etc/ld.so.cache when it has one.
func TestMarshalRoundTrip(t *testing.T) {
	small, err := Load("testdata/small.cache")
	if err != nil {
		t.Fatal(err)
	}
	caches := map[string]*Cache{
		"small":  small,
		"subset": {New: true, Entries: small.Entries[:1], Generator: small.Generator},
		"empty":  {New: true},
	}
	if host, err := Load(DefaultPath); err == nil {
		caches["host"] = host
	}
	for name, c := range caches {
		t.Run(name, func(t *testing.T) {
			got, err := Parse(c.Marshal())
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Entries) != len(c.Entries) || (len(c.Entries) > 0 && !reflect.DeepEqual(got.Entries, c.Entries)) {
				t.Errorf("entries differ:\n got %+v\nwant %+v", got.Entries, c.Entries)
			}
			if got.Generator != c.Generator || !got.New {
				t.Errorf("generator %q new %v, want %q", got.Generator, got.New, c.Generator)
			}
		})
	}
}

// TestMarshalReadByLdconfig has glibc's ldconfig print a cache written by
// Marshal: its listing must equal the listing of the cache it came from.
func TestMarshalReadByLdconfig(t *testing.T) {
	ldconfig, err := exec.LookPath("/sbin/ldconfig")
	if err != nil {
		t.Skip("no /sbin/ldconfig")
	}
	for _, src := range []string{"testdata/small.cache", DefaultPath} {
		c, err := Load(src)
		if err != nil {
			t.Logf("%s: %v", src, err)
			continue
		}
		out := filepath.Join(t.TempDir(), "ld.so.cache")
		if err := os.WriteFile(out, c.Marshal(), 0o644); err != nil {
			t.Fatal(err)
		}
		list := func(p string) string {
			b, err := exec.Command(ldconfig, "-p", "-C", p).CombinedOutput()
			if err != nil {
				t.Fatalf("ldconfig -p -C %s: %v\n%s", p, err, b)
			}
			return strings.Replace(string(b), p, "CACHE", 1)
		}
		if want, got := list(src), list(out); got != want {
			t.Errorf("%s: ldconfig -p of the written cache:\n%s\nwant:\n%s", src, got, want)
		}
	}
}
