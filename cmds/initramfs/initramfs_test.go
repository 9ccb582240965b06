package initramfs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	truecmd "github.com/zinebox/zinebox/cmds/true"
	"github.com/zinebox/zinebox/initramfs/image"
	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/elfdeps"
	"github.com/zinebox/zinebox/pkg/ldcache"
	"github.com/zinebox/zinebox/pkg/stdio"
)

type result struct {
	stdout, stderr string
	status         int
}

// runApplet runs the applet in-process on a fake binary and a small registry.
func runApplet(t *testing.T, dir string, src Sources, args ...string) result {
	t.Helper()
	if src.Exe == "" {
		src.Exe = filepath.Join(dir, "fake-zinebox")
		if err := os.WriteFile(src.Exe, []byte("not really a program"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	io := &applet.IO{
		Name:    "initramfs",
		Stdin:   strings.NewReader(""),
		Stdout:  stdio.NewWriter(&out, stdio.Full, 0),
		Stderr:  &errb,
		Env:     []string{"PATH=/usr/bin:/bin"},
		Dir:     dir,
		Applets: []*applet.Applet{&Applet, &truecmd.Applet},
	}
	status := io.Finish(Run(io, args, src))
	return result{out.String(), errb.String(), status}
}

func readImage(t *testing.T, path string) map[string]image.Entry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := image.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]image.Entry{}
	for _, e := range entries {
		m[e.Name] = e
	}
	return m
}

func TestDefaultImage(t *testing.T) {
	dir := t.TempDir()
	r := runApplet(t, dir, Sources{}, "-o", "img.cpio.gz", "--list")
	if r.status != 0 || r.stderr != "" {
		t.Fatalf("status %d, stderr %q", r.status, r.stderr)
	}
	m := readImage(t, filepath.Join(dir, "img.cpio.gz"))
	for name, want := range map[string]string{
		".":                              "drwxr-xr-x",
		"bin/zinebox":                    "-rwxr-xr-x",
		"init":                           "lrwxrwxrwx",
		"bin/true":                       "lrwxrwxrwx",
		"bin/initramfs":                  "lrwxrwxrwx",
		"dev/console":                    "crw-------",
		"dev/null":                       "crw-rw-rw-",
		"tmp":                            "drwxrwxrwt",
		"root":                           "drwx------",
		"home/learner":                   "drwxr-xr-x",
		"etc/passwd":                     "-rw-r--r--",
		"etc/group":                      "-rw-r--r--",
		"etc/hostname":                   "-rw-r--r--",
		"etc/profile":                    "-rw-r--r--",
		"etc/motd":                       "-rw-r--r--",
		"usr/share/man/man1/true.1":      "-rw-r--r--",
		"usr/share/man/man1/initramfs.1": "-rw-r--r--",
		"proc":                           "dr-xr-xr-x",
		"sys":                            "dr-xr-xr-x",
		"run":                            "drwxr-xr-x",
		"dev/pts":                        "drwxr-xr-x",
	} {
		e, ok := m[name]
		if !ok {
			t.Errorf("%s: missing", name)
			continue
		}
		if got := modeString(e.Mode); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
	if e := m["init"]; string(e.Data) != "bin/zinebox" {
		t.Errorf("init -> %q", e.Data)
	}
	if e := m["bin/zinebox"]; string(e.Data) != "not really a program" {
		t.Errorf("bin/zinebox is not the executable: %q", e.Data)
	}
	if e := m["home/learner"]; e.UID != 1000 || e.GID != 1000 {
		t.Errorf("home/learner owned by %d:%d", e.UID, e.GID)
	}
	if !strings.Contains(string(m["etc/passwd"].Data), "learner:x:1000:1000:") {
		t.Errorf("no learner in /etc/passwd")
	}
	if !strings.Contains(string(m["etc/motd"].Data), "man 7 zinebox") {
		t.Errorf("the motd does not point to man 7 zinebox")
	}
	// --list is cpio -tv's table, one line per entry, in archive order.
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != len(m) {
		t.Errorf("--list has %d lines for %d entries", len(lines), len(m))
	}
	for _, want := range []string{
		"drwxr-xr-x   2 root     root            0 Jan  1  1970 .",
		"drwxrwxrwt   2 root     root            0 Jan  1  1970 tmp",
		"crw-------   1 root     root       5,   1 Jan  1  1970 dev/console",
		"lrwxrwxrwx   1 root     root           11 Jan  1  1970 init -> bin/zinebox",
		"drwxr-xr-x   2 1000     1000            0 Jan  1  1970 home/learner",
	} {
		if !strings.Contains(r.stdout, want+"\n") {
			t.Errorf("--list lacks %q", want)
		}
	}
	// The same binary gives the same archive.
	r2 := runApplet(t, dir, Sources{}, "-o", "img2.cpio.gz")
	a, _ := os.ReadFile(filepath.Join(dir, "img.cpio.gz"))
	b, _ := os.ReadFile(filepath.Join(dir, "img2.cpio.gz"))
	if r2.status != 0 || !bytes.Equal(a, b) {
		t.Errorf("two builds differ (status %d)", r2.status)
	}
}

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	over := filepath.Join(dir, "over")
	os.MkdirAll(filepath.Join(over, "etc"), 0o755)
	os.WriteFile(filepath.Join(over, "etc/motd"), []byte("my lesson\n"), 0o644)
	os.MkdirAll(filepath.Join(over, "lesson"), 0o750)

	r := runApplet(t, dir, Sources{}, "-o", "plain.cpio", "--compress=none", "--overlay", "over")
	if r.status != 0 {
		t.Fatalf("status %d: %s", r.status, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "plain.cpio"))
	if !bytes.HasPrefix(data, []byte("070701")) {
		t.Errorf("--compress=none is not a plain newc archive")
	}
	m := readImage(t, filepath.Join(dir, "plain.cpio"))
	if string(m["etc/motd"].Data) != "my lesson\n" {
		t.Errorf("overlay did not replace /etc/motd: %q", m["etc/motd"].Data)
	}
	if e, ok := m["lesson"]; !ok || modeString(e.Mode) != "drwxr-x---" {
		t.Errorf("overlay dir: %+v", e)
	}

	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	r = runApplet(t, dir, Sources{}, "-o", "-", "--compress=none")
	if r.status != 0 || !strings.HasPrefix(r.stdout, "070701") {
		t.Errorf("-o -: status %d, output %.10q", r.status, r.stdout)
	}

	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{nil, "initramfs: missing -o FILE\nTry 'initramfs --help' for more information.\n"},
		{[]string{"-o", "x", "--compress=xz"}, "initramfs: invalid compression method 'xz' (none or gzip)\nTry 'initramfs --help' for more information.\n"},
		{[]string{"-o", "x", "extra"}, "initramfs: extra operand 'extra'\nTry 'initramfs --help' for more information.\n"},
		{[]string{"-o", "x", "--overlay", "nonexistent"}, "initramfs: nonexistent: No such file or directory\n"},
		{[]string{"-o", "nodir/x"}, "initramfs: nodir/x: No such file or directory\n"},
	} {
		r := runApplet(t, dir, Sources{}, tc.args...)
		if r.status != 1 || r.stderr != tc.msg {
			t.Errorf("%q: status %d, stderr %q; want 1, %q", tc.args, r.status, r.stderr, tc.msg)
		}
	}
}

// TestAdd copies a dynamic program of the host with what elfdeps.Closure
// (the resolver ldd uses) says it needs, and checks against glibc's ldd
// that every library ld.so would load is in the image, and in the image's
// ld.so.cache when the host's cache has it (read back by glibc's ldconfig).
func TestAdd(t *testing.T) {
	prog := "/usr/bin/true"
	lddOut, err := exec.Command("ldd", prog).Output()
	if err != nil {
		t.Skipf("no glibc ldd or dynamic %s: %v", prog, err)
	}
	host, err := ldcache.Load(ldcache.DefaultPath)
	if err != nil {
		t.Skipf("no host ld.so.cache: %v", err)
	}
	dir := t.TempDir()
	r := runApplet(t, dir, Sources{Closure: elfdeps.Closure, LDCache: ldcache.DefaultPath}, "-o", "img", "--add", prog)
	if r.status != 0 {
		t.Fatalf("status %d: %s", r.status, r.stderr)
	}
	var im image.Image
	for _, e := range readImage(t, filepath.Join(dir, "img")) {
		im.Add(e)
	}
	if e, ok := im.Resolve(prog); !ok || len(e.Data) == 0 {
		t.Errorf("%s not in the image", prog)
	}
	cacheEntry, ok := im.Lookup(ldcache.DefaultPath)
	if !ok {
		t.Fatalf("no %s in the image", ldcache.DefaultPath)
	}
	cache, err := ldcache.Parse(cacheEntry.Data)
	if err != nil {
		t.Fatalf("the image's cache: %v", err)
	}
	inCache := map[string]bool{}
	for _, e := range cache.Entries {
		inCache[e.Name] = true
		if _, ok := im.Resolve(e.Path); !ok {
			t.Errorf("the image's cache lists %s, which the image does not have", e.Path)
		}
	}
	for _, line := range strings.Split(string(lddOut), "\n") {
		f := strings.Fields(line)
		var lib string
		switch {
		case len(f) >= 3 && f[1] == "=>":
			lib = f[2]
			if _, hostHas := host.Lookup(f[0], ldcache.FlagsX8664, nil); hostHas && !inCache[f[0]] {
				t.Errorf("the image's cache lacks %s", f[0])
			}
		case len(f) == 2 && strings.HasPrefix(f[0], "/"):
			lib = f[0] // the loader
		default:
			continue
		}
		if e, ok := im.Resolve(lib); !ok || len(e.Data) == 0 {
			t.Errorf("ldd names %s; the image does not have it", lib)
		}
	}
	if ldconfig, err := exec.LookPath("/sbin/ldconfig"); err == nil {
		p := filepath.Join(dir, "ld.so.cache")
		if err := os.WriteFile(p, cacheEntry.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(ldconfig, "-p", "-C", p).Output()
		want := fmt.Sprintf("%d libs found in cache `%s'\n", len(cache.Entries), p)
		if err != nil || !strings.HasPrefix(string(out), want) {
			t.Errorf("ldconfig -p -C of the image's cache: %v\n%s", err, out)
		}
	}
}
