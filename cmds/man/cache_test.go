package man

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writePage(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIndexCache: whatis reads a directory's index from the cache while
// the directory is unchanged, and rebuilds the same cache file once a
// section directory changes.
func TestIndexCache(t *testing.T) {
	mandir, cachedir := t.TempDir(), t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cachedir) // os.UserCacheDir reads the process environment
	writePage(t, filepath.Join(mandir, "man1", "zzfoo.1"), ".TH ZZFOO 1\n.SH NAME\nzzfoo \\- first page\n")
	env := []string{"MANPATH=" + mandir, "MANWIDTH=80", "MANSECT="}
	whatis := func(name string) string {
		t.Helper()
		return runWith(nil, env, "-f", name).Stdout
	}
	if got := whatis("zzfoo"); !strings.Contains(got, "zzfoo (1)") {
		t.Fatalf("man -f zzfoo = %q", got)
	}
	files, _ := filepath.Glob(filepath.Join(cachedir, "zinebox", "whatis-*"))
	if len(files) != 1 {
		t.Fatalf("cache files %q, want one", files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	header, _, ok := strings.Cut(string(b), "\x00")
	if !ok || !strings.HasPrefix(header, indexFormat+mandir+"|") {
		t.Fatalf("cache file starts %q", header)
	}
	// An entry only the cache knows shows that the cache is read.
	if err := os.WriteFile(files[0], []byte(header+"\x00zzcached\tzzcached\t1\tfrom the cache\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := whatis("zzcached"); !strings.Contains(got, "zzcached (1)") {
		t.Fatalf("cache not used: man -f zzcached = %q", got)
	}
	// A new page changes man1's time: the index is rebuilt, in place.
	writePage(t, filepath.Join(mandir, "man1", "zzbar.1"), ".TH ZZBAR 1\n.SH NAME\nzzbar \\- second page\n")
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(mandir, "man1"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := whatis("zzbar"); !strings.Contains(got, "zzbar (1)") {
		t.Errorf("index not rebuilt: man -f zzbar = %q", got)
	}
	if got := whatis("zzcached"); strings.Contains(got, "zzcached (1)") {
		t.Errorf("stale cache entry survived: %q", got)
	}
	if files2, _ := filepath.Glob(filepath.Join(cachedir, "zinebox", "whatis-*")); len(files2) != 1 || files2[0] != files[0] {
		t.Errorf("cache files after the change %q, want %q", files2, files)
	}
}

// TestCompressedPages: pages compressed with bzip2, xz and zstd (by the
// system's own tools) are found and read like the plain page, as man-db
// reads them; a corrupt one gives an error, never garbage.
func TestCompressedPages(t *testing.T) {
	src := ".TH ZZ 1\n.SH NAME\nzz \\- a compressed page\n.SH DESCRIPTION\nWords to read.\n"
	mandir := t.TempDir()
	writePage(t, filepath.Join(mandir, "man1", "zzplain.1"), src)
	env := []string{"MANPATH=" + mandir, "MANWIDTH=80", "MANSECT="}
	want := runWith(nil, env, "zzplain")
	if want.Status != 0 || !strings.Contains(want.Stdout, "Words to read.") {
		t.Fatalf("the plain page: %+v", want)
	}
	for _, tc := range []struct{ prog, suffix string }{{"bzip2", ".bz2"}, {"xz", ".xz"}, {"zstd", ".zst"}} {
		t.Run(tc.prog, func(t *testing.T) {
			prog, err := exec.LookPath(tc.prog)
			if err != nil {
				t.Skipf("no %s", tc.prog)
			}
			cmd := exec.Command(prog, "-c")
			cmd.Stdin = strings.NewReader(strings.ReplaceAll(src, "zzplain", "zz"+tc.prog))
			packed, err := cmd.Output()
			if err != nil {
				t.Fatal(err)
			}
			page := filepath.Join(mandir, "man1", "zz"+tc.prog+".1"+tc.suffix)
			writePage(t, page, string(packed))
			got := runWith(nil, env, "zz"+tc.prog)
			if got.Status != 0 || got.Stdout != want.Stdout {
				t.Errorf("man zz%s = %d, %q (stderr %q); want %q", tc.prog, got.Status, got.Stdout, got.Stderr, want.Stdout)
			}
			if got := runWith(nil, env, "-w", "zz"+tc.prog); got.Stdout != page+"\n" {
				t.Errorf("man -w = %q, want %q", got.Stdout, page+"\n")
			}
			bad := filepath.Join(mandir, "man1", "zzbad"+tc.prog+".1"+tc.suffix)
			writePage(t, bad, string(packed[:len(packed)/2]))
			if got := runWith(nil, env, "-l", bad); got.Status == 0 || got.Stderr == "" || strings.Contains(got.Stdout, "Words to read.") {
				t.Errorf("a cut-short page: %+v", got)
			}
		})
	}
}

// TestLocaleDirs: a translated page is found when the messages locale
// names its language, the English one otherwise.
func TestLocaleDirs(t *testing.T) {
	mandir := t.TempDir()
	writePage(t, filepath.Join(mandir, "man1", "zzloc.1"), ".TH ZZLOC 1\n.SH NAME\nzzloc \\- english\n")
	writePage(t, filepath.Join(mandir, "fr", "man1", "zzloc.1"), ".TH ZZLOC 1\n.SH NAME\nzzloc \\- fran\\(,cais\n")
	writePage(t, filepath.Join(mandir, "de_AT", "man1", "zzloc.1"), ".TH ZZLOC 1\n.SH NAME\nzzloc \\- deutsch\n")
	for _, c := range []struct {
		env  []string
		want string
	}{
		{[]string{"LANG=C.UTF-8"}, "/man1/zzloc.1"},
		{[]string{"LANG=fr_FR.UTF-8"}, "/fr/man1/zzloc.1"},
		{[]string{"LANG=fr_FR.UTF-8", "LC_MESSAGES=C"}, "/man1/zzloc.1"},
		{[]string{"LANG=C", "LC_ALL=fr_CA"}, "/fr/man1/zzloc.1"},
		{[]string{"LANG=de_AT.UTF-8@euro"}, "/de_AT/man1/zzloc.1"},
		{[]string{"LANG=it_IT.UTF-8"}, "/man1/zzloc.1"},
	} {
		env := append([]string{"MANPATH=" + mandir, "LC_ALL=", "LC_MESSAGES=", "LANG="}, c.env...)
		got := runWith(nil, env, "-w", "zzloc")
		if got.Stdout != mandir+c.want+"\n" {
			t.Errorf("%q: man -w zzloc = %q, want %q", c.env, got.Stdout, mandir+c.want)
		}
	}
}
