package ls

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zinebox/zinebox/pkg/applet"
	"github.com/zinebox/zinebox/pkg/applet/applettest"
	"golang.org/x/sys/unix"
)

// TestMain lets the test binary act as ls in a real process, for the tests
// that need one (a terminal on stdout, another user's permissions).
func TestMain(m *testing.M) {
	if os.Getenv("ZINEBOX_LS_CHILD") == "1" {
		os.Exit(applet.RunProcess(&Applet, "ls", os.Args[1:], nil))
	}
	// What a listing depends on is pinned by each test; an empty value
	// is not the same as an unset one (GNU warns about QUOTING_STYLE="").
	for _, v := range []string{"QUOTING_STYLE", "TIME_STYLE", "LS_COLORS", "COLORTERM", "COLUMNS",
		"POSIXLY_CORRECT", "BLOCK_SIZE", "LS_BLOCK_SIZE", "TZ"} {
		os.Unsetenv(v)
	}
	os.Exit(m.Run())
}

var isRoot = os.Geteuid() == 0

// fixture builds a tree with every file type, every combination of the
// setuid, setgid and sticky bits with and without execute permission, odd
// names, old, recent and future times, hard links and owners with and
// without a name. It returns the directory.
func fixture(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	write := func(name string, size int, mode os.FileMode) {
		must(os.WriteFile(p(name), bytes.Repeat([]byte("x"), size), 0o644))
		must(os.Chmod(p(name), mode))
	}
	write("reg", 0, 0o644)
	write("small", 1, 0o644)
	write("k1025", 1025, 0o600)
	write("exec", 100, 0o755)
	write("big", 0, 0o644)
	must(os.Truncate(p("big"), 3<<30+12345)) // sparse: a big size, few blocks
	write("mid", 123456, 0o640)
	write(".hidden", 5, 0o644)
	write("a b", 1, 0o644)
	write("it's", 1, 0o644)
	write("nl\nname", 1, 0o644)
	write("tab\tname", 1, 0o644)
	write("ctl\x01x", 1, 0o644)
	write("caf\xc3\xa9", 1, 0o644)
	write("wide\u4e2d\u6587", 1, 0o644)
	write("zw\u200bx", 1, 0o644)
	write("comb\u0301x", 1, 0o644)
	write("nel\u0085x", 1, 0o644)
	write("bad\xff", 1, 0o644)
	write("inc\xc3", 1, 0o644)
	write(`q"uote`, 1, 0o644)
	write("-dash", 1, 0o644)
	write(`back\slash`, 1, 0o644)
	write("x@y", 1, 0o644)
	write("x|y", 1, 0o644)
	write("backup~", 1, 0o644)
	write("v1.10.txt", 1, 0o644)
	write("v1.9.txt", 1, 0o644)
	write("v1.9.tar.gz", 1, 0o644)
	write("hard1", 10, 0o644)
	write("capable", 10, 0o755)
	if isRoot {
		// struct vfs_cap_data, revision 2, effective, CAP_NET_RAW permitted.
		capData := []byte{1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
		must(unix.Setxattr(p("capable"), "security.capability", capData, 0))
	}
	must(os.Link(p("hard1"), p("hard2")))
	for special := 0; special < 8; special++ {
		for _, x := range []os.FileMode{0, 0o111} {
			name := fmt.Sprintf("m%o%s", special, map[bool]string{true: "x", false: "-"}[x != 0])
			write(name, 2, 0o644)
			must(unix.Chmod(p(name), uint32(special)<<9|0o644|uint32(x)))
		}
	}
	must(os.Mkdir(p("sub"), 0o755))
	must(os.Mkdir(p("sub/deep"), 0o755))
	write("sub/deep/file", 3, 0o644)
	write("sub/one", 1, 0o644)
	must(os.Mkdir(p("sub/.dotdir"), 0o755))
	must(os.Mkdir(p("sticky"), 0o755))
	must(unix.Chmod(p("sticky"), 0o1777))
	must(os.Mkdir(p("stickynox"), 0o755))
	must(unix.Chmod(p("stickynox"), 0o1770))
	must(os.Mkdir(p("otherw"), 0o777))
	must(unix.Chmod(p("otherw"), 0o777))
	must(os.Mkdir(p("empty"), 0o755))
	must(os.Symlink("reg", p("link")))
	must(os.Symlink("nowhere", p("broken")))
	must(os.Symlink("sub", p("dirlink")))
	must(os.Symlink("a b", p("link to odd")))
	must(os.Symlink("loop", p("loop")))
	must(os.Symlink("..", p("sub/deep/up")))
	must(unix.Mkfifo(p("fifo"), 0o644))
	fd, err := unix.Socket(unix.AF_UNIX, unix.SOCK_STREAM, 0)
	must(err)
	must(unix.Bind(fd, &unix.SockaddrUnix{Name: p("sock")}))
	unix.Close(fd)
	if isRoot {
		must(unix.Mknod(p("chr"), unix.S_IFCHR|0o620, int(unix.Mkdev(1, 3))))
		must(unix.Mknod(p("blk"), unix.S_IFBLK|0o660, int(unix.Mkdev(259, 65536))))
		must(os.Lchown(p("small"), 12345, 54321)) // no such user or group
		must(os.Lchown(p("mid"), 1, 1))           // daemon
		must(os.Lchown(p("broken"), 12345, 0))
	}
	// Times: old, recent, future, and a tie broken by name.
	now := time.Now()
	times := map[string]time.Time{
		"reg":    time.Date(2001, 2, 3, 4, 5, 6, 7, time.UTC),
		"small":  now.Add(-time.Hour),
		"k1025":  now.Add(2 * 365 * 24 * time.Hour),
		"exec":   now.Add(-200 * 24 * time.Hour),
		"mid":    now.Add(-170 * 24 * time.Hour),
		"big":    time.Date(2024, 7, 1, 12, 0, 0, 500, time.UTC),
		"hard1":  time.Date(2024, 7, 1, 12, 0, 0, 500, time.UTC),
		"a b":    time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		"sub":    time.Date(2020, 12, 31, 23, 59, 59, 999999999, time.UTC),
		"sticky": now.Add(-10 * time.Minute),
	}
	for name, tm := range times {
		must(os.Chtimes(p(name), tm.Add(time.Hour), tm))
	}
	// Reading a directory whose atime is not newer than its mtime updates
	// the atime; set every directory's atime ahead so -u listings are
	// stable from one run to the next.
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && info.IsDir() {
			os.Chtimes(path, info.ModTime().Add(time.Hour), info.ModTime())
		}
		return nil
	})
	return dir
}

// lsCases are invocations run both through our applet and GNU ls, which
// must agree byte for byte.
var lsCases = [][]string{
	{},
	{"-a"},
	{"-A"},
	{"-l"},
	{"-la"},
	{"-lA", "sub"},
	{"-ln"},
	{"-lg"},
	{"-lo"},
	{"-lG"},
	{"-l", "--author"},
	{"-lh"},
	{"-l", "--si"},
	{"-ls"},
	{"-lsh"},
	{"-s"},
	{"-sk"},
	{"-i"},
	{"-li"},
	{"-lt"},
	{"-ltr"},
	{"-lS"},
	{"-lSr"},
	{"-lU", "sub"},
	{"-lX"},
	{"-v"},
	{"-lc"},
	{"-lu"},
	{"-t"},
	{"-c"},
	{"-u"},
	{"-F"},
	{"-p"},
	{"--file-type"},
	{"-lF"},
	{"-l", "--file-type"},
	{"-R"},
	{"-lR"},
	{"-aR"},
	{"-R", "sub", "reg"},
	{"-d", "sub", "reg", "empty"},
	{"-ld", "sub", "dirlink", "link"},
	{"sub", "empty"},
	{"sub"},
	{"dirlink"},
	{"-l", "dirlink"},
	{"-F", "dirlink"},
	{"-H", "-l", "dirlink"},
	{"-L", "-l"},
	{"-L"},
	{"-RL", "sub"},
	{"-RL", "dirlink", "sub"},
	{"-lL", "loop", "sub/deep"},
	{"-l", "dirlink/"},
	{"--group-directories-first"},
	{"-l", "--group-directories-first", "-r"},
	{"-C"},
	{"-C", "-w", "40"},
	{"-C", "-w", "0"},
	{"-x", "-w", "50"},
	{"-m"},
	{"-m", "-w", "30"},
	{"-mis", "-w", "60"},
	{"-xsh", "-w", "40"},
	{"-1si"},
	{"-CF", "--color=always", "-w", "50", "--quoting-style=shell-escape", "-i"},
	{"-Cs", "-w", "60"},
	{"-Ci", "-w", "60"},
	{"-CF", "-w", "70", "-T", "4"},
	{"-1"},
	{"-l1"},
	{"-1l"},
	{"-q"},
	{"-b"},
	{"-Q"},
	{"-N"},
	{"-lb"},
	{"--quoting-style=shell"},
	{"--quoting-style=shell-escape"},
	{"--quoting-style=shell-escape", "-C"},
	{"--quoting-style=shell-escape", "-l"},
	{"--quoting-style=shell-always", "-x"},
	{"--quoting-style=c-maybe", "-C"},
	{"--quoting-style=c"},
	{"--quoting-style=escape", "-C"},
	{"--quoting-style=locale"},
	{"--quoting-style=clocale"},
	{"--quoting-style=shell-escape", "-CF", "-w", "100"},
	{"--quoting-style=shell-escape", "-R", "-C"},
	{"--full-time"},
	{"-l", "--time-style=long-iso"},
	{"-l", "--time-style=iso"},
	{"-l", "--time-style=full-iso"},
	{"-l", "--time-style=posix-long-iso"},
	{"-l", "--time-style=+%Y/%m/%d %T %z %Z %j %a %A %B %p %s %%"},
	{"-l", "--time-style=+old %F\nnew %R"},
	{"-l", "--time-style=bogus"},
	{"-I", "*~", "-I", "m*"},
	{"-B"},
	{"-a", "-I", "*"},
	{"-a", "-I", "?h*", "-I", "[.]h*"},
	{"-a", "-I", ".h*"},
	{"-a", "-I", "\\.h*"},
	{"--hide=m*"},
	{"-a", "--hide=m*"},
	{"-l", "--block-size=K"},
	{"-l", "--block-size=1000"},
	{"-s", "--block-size=1M"},
	{"-ls", "--block-size=KiB"},
	{"-ls", "--block-size=MB"},
	{"-ls", "--block-size=kB"},
	{"-ls", "--block-size=k"},
	{"-ls", "--block-size=1KiB"},
	{"--color=always", "-C", "-w", "80"},
	{"--color=always", "-l"},
	{"--color=always", "-F"},
	{"--color=always", "-ls"},
	{"--color=never"},
	{"--color=auto"},
	{"--color=bogus"},
	{"--sort=bogus"},
	{"--sort=size"},
	{"--sort=width"},
	{"--format=commas"},
	{"--format=long"},
	{"--indicator-style=classify"},
	{"--time=ctime", "-l"},
	{"--time=birth", "-l", "reg", "sub"},
	{"--time=birth", "-l", "/proc/self/status"},
	{"-f"},
	{"-z"},
	{"--nonexistent-option"},
	{"-w"},
	{"-w", "x"},
	{"missing"},
	{"missing", "reg", "sub"},
	{"-l", "reg", "missing", "broken", "link"},
	{"reg", "reg"},
	{"-r", "reg", "link", "sub", "empty"},
	{"-t", "reg", "small", "exec"},
	{"--", "-dash"},
	{"-lL", "broken"},
	{"-L", "broken"},
	{"-d"},
	{"-ld"},
	{"-ld", "."},
	{"-l", "/dev/null"},
	{"--zero"},
	{"--hyperlink=always", "-l"},
	{"--hyperlink=always", "-C", "--quoting-style=shell-escape"},
	{"--hyperlink=always", "-R", "--color=always", "sub", "dirlink", "link"},
	{"--hyperlink", "-lD", "reg", "../" + "x"},
	{"--hyperlink=auto"},
	{"--hyperlink=bogus"},
	{"-Z"},
	{"-lZ"},
	{"-CZ", "sub"},
	{"-D"},
	{"-Dl"},
	{"-DlR", "sub", "reg", "a b"},
	{"-Dl", "-Q", "--color=always", "sub", "link"},
	{"-Dl", "empty"},
	// -F takes no argument: a cluster goes on after it.
	{"-Fl"}, {"-FlA", "sub"}, {"-F1"}, {"--classify=never", "-F"}, {"-F", "--classify=never"},
	// --zero ends names with NUL but the line before a directory's
	// heading with a newline; -f turns off --hyperlink given before it.
	{"--zero", "reg", "sub", "empty"}, {"--zero", "-l", "reg", "sub"}, {"--zero", "-lD", "reg"}, {"--zero", "-D", "reg"},
	{"--hyperlink=always", "-f", "reg"}, {"-f", "--hyperlink=always", "reg"},
	// --hyperlink stats every file: -L then meets the broken links.
	{"-L", "--hyperlink=always"},
	// What --zero implies, a later option changes.
	{"--zero", "-C"}, {"-C", "--zero"}, {"--zero", "-m"}, {"--zero", "--color=always", "sub"}, {"--zero", "-q"}, {"--zero", "-Q"},
}

// env is the environment both implementations run with: what a listing
// depends on, pinned.
func env(tz string) []string {
	return []string{"LC_ALL=C", "TZ=" + tz, "COLUMNS=80", "TERM=xterm"}
}

// utf8Env is env in the C.UTF-8 locale, where printable multibyte
// characters are shown as they are and widths count columns.
func utf8Env() []string {
	return append(env("UTC"), "LC_ALL=C.UTF-8")
}

func TestAgainstGNU(t *testing.T) {
	if _, err := exec.LookPath("ls"); err != nil {
		t.Skip("ls not installed")
	}
	dir := fixture(t)
	for _, tz := range []string{"UTC", "America/New_York", "EST5EDT", "UTC0", "Asia/Kolkata"} {
		for _, args := range lsCases {
			if tz != "UTC" && !strings.HasPrefix(strings.Join(args, " "), "-l") && !strings.Contains(strings.Join(args, " "), "time") {
				continue // the time zone only matters to times
			}
			name := tz + " " + strings.Join(args, " ")
			got := applettest.Run(&Applet, dir, "", env(tz), args...)
			want := applettest.RunTool(t, "ls", dir, "", env(tz), args...)
			if got != want {
				t.Errorf("ls %q (TZ=%s):\n--- ours (status %d)\n%s%s--- GNU (status %d)\n%s%s",
					args, tz, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
				_ = name
			}
		}
	}
}

// TestZones lists times in zones glibc treats specially: right/ zones
// count leap seconds in time_t (27 by now), and a TZ that is neither a
// zone file nor a whole POSIX rule is UTC under the name glibc read.
func TestZones(t *testing.T) {
	if _, err := exec.LookPath("ls"); err != nil {
		t.Skip("ls not installed")
	}
	dir := fixture(t)
	for _, tz := range []string{"right/UTC", "right/Europe/Paris", "Foo/Bar", "x", "foo123", "<+05>-5"} {
		for _, args := range [][]string{{"-l", "--full-time"}, {"-lt"}, {"-l", "--time-style=+%c %z %Z %s %N"}} {
			got := applettest.Run(&Applet, dir, "", env(tz), args...)
			want := applettest.RunTool(t, "ls", dir, "", env(tz), args...)
			if got != want {
				t.Errorf("ls %q (TZ=%s):\n--- ours (status %d)\n%s%s--- GNU (status %d)\n%s%s",
					args, tz, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
			}
		}
	}
}

// TestUTF8 runs the same table in the C.UTF-8 locale.
func TestUTF8(t *testing.T) {
	if _, err := exec.LookPath("ls"); err != nil {
		t.Skip("ls not installed")
	}
	dir := fixture(t)
	for _, args := range lsCases {
		got := applettest.Run(&Applet, dir, "", utf8Env(), args...)
		want := applettest.RunTool(t, "ls", dir, "", utf8Env(), args...)
		if got != want {
			t.Errorf("LC_ALL=C.UTF-8 ls %q:\n--- ours (status %d)\n%s%s--- GNU (status %d)\n%s%s",
				args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
		}
	}
}

// TestLSColors compares colouring under custom LS_COLORS values.
func TestLSColors(t *testing.T) {
	if _, err := exec.LookPath("ls"); err != nil {
		t.Skip("ls not installed")
	}
	dir := fixture(t)
	for _, lc := range []string{
		"di=01;31:ln=target:*.txt=04:*.TXT=05:*.gz=01;35",
		"or=40;31;01:mi=01;05;37;41:ex=00:no=07",
		"ln=01;36:or=31:su=00:sg=00:tw=00:ow=00:st=00:mh=44",
		"ca=30;41:ex=01;32",
		"rs=1:ec=\\e[0m:lc=\\e[:rc=m:fi=^[[32m",
		"bogus",
		"di=01;34:xx=1",
	} {
		for _, args := range [][]string{{"--color=always"}, {"--color=always", "-l"}, {"--color=always", "-CF", "-w", "70"}} {
			e := append(env("UTC"), "LS_COLORS="+lc)
			got := applettest.Run(&Applet, dir, "", e, args...)
			want := applettest.RunTool(t, "ls", dir, "", e, args...)
			if got != want {
				t.Errorf("LS_COLORS=%q ls %q:\n--- ours (status %d)\n%q\n%s--- GNU (status %d)\n%q\n%s",
					lc, args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
			}
		}
	}
}

// FuzzLSColors feeds arbitrary LS_COLORS values to the parser: no panics,
// and a value that parses yields a palette.
func FuzzLSColors(f *testing.F) {
	for _, s := range []string{"di=01;34:ln=target:*.txt=04", "rs=1:ec=\\e[0m:fi=^[[32m", "*=", "x", ":::",
		"di=\\x1", "di=^", "*.a\\", "lc=\\033["} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := &palette{}
		p.parse(s)
	})
}

// FuzzVersionSort checks that filevercmp is a consistent order: antisymmetric
// and zero only for equal names.
func FuzzVersionSort(f *testing.F) {
	f.Add("a1.2.tar.gz", "a1.10.tar.gz")
	f.Add(".x", "..")
	f.Fuzz(func(t *testing.T, a, b string) {
		x, y := filevercmp(a, b), filevercmp(b, a)
		if (x < 0) != (y > 0) || (x == 0) != (y == 0) {
			t.Errorf("filevercmp(%q, %q) = %d but reversed %d", a, b, x, y)
		}
	})
}

// TestACL checks the + after the mode of a file with a POSIX ACL, and the
// blank that the other files then get, against GNU ls. The ACL is written
// as the kernel's system.posix_acl_access attribute, so that no setfacl
// is needed.
// TestBlockSizeEnv checks the units that LS_BLOCK_SIZE, BLOCK_SIZE and
// POSIXLY_CORRECT choose, and how -k, -h and --block-size override them.
func TestBlockSizeEnv(t *testing.T) {
	if _, err := exec.LookPath("ls"); err != nil {
		t.Skip("ls not installed")
	}
	dir := fixture(t)
	for _, e := range [][]string{{"BLOCK_SIZE=512"}, {"LS_BLOCK_SIZE=K"}, {"POSIXLY_CORRECT=1"},
		{"BLOCK_SIZE=human-readable"}, {"BLOCK_SIZE=bogus"}, {"LS_BLOCK_SIZE=1M", "BLOCK_SIZE=512"},
		{"BLOCK_SIZE=si"}, {"BLOCK_SIZE=1000"}, {"BLOCK_SIZE="}} {
		for _, args := range [][]string{{"-ls", "sub", "big", "k1025"}, {"-lsk", "big"}, {"-lsh", "big"}, {"-s", "--block-size=1K", "big"}} {
			env := append(env("UTC"), e...)
			got := applettest.Run(&Applet, dir, "", env, args...)
			want := applettest.RunTool(t, "ls", dir, "", env, args...)
			if got != want {
				t.Errorf("%q ls %q:\n--- ours (status %d)\n%s%s--- GNU (status %d)\n%s%s",
					e, args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
			}
		}
	}
}

func TestACL(t *testing.T) {
	if _, err := exec.LookPath("ls"); err != nil {
		t.Skip("ls not installed")
	}
	dir := t.TempDir()
	for _, f := range []string{"plain", "withacl"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// version 2, then {tag, perm, id}: user::rw- user:1:r-- group::r--
	// mask::r-- other::r--
	le := func(b []byte, v uint32, n int) []byte {
		for i := 0; i < n; i++ {
			b = append(b, byte(v>>(8*i)))
		}
		return b
	}
	acl := le(nil, 2, 4)
	for _, e := range [][3]uint32{{0x01, 6, 0xffffffff}, {0x02, 4, 1}, {0x04, 4, 0xffffffff}, {0x10, 4, 0xffffffff}, {0x20, 4, 0xffffffff}} {
		acl = le(le(le(acl, e[0], 2), e[1], 2), e[2], 4)
	}
	if err := unix.Setxattr(filepath.Join(dir, "withacl"), "system.posix_acl_access", acl, 0); err != nil {
		t.Skipf("cannot set an ACL here: %v", err)
	}
	for _, args := range [][]string{{"-l"}, {"-ls"}, {"-l", "plain"}, {"-l", "withacl", "plain"}, {"-ld", "."}, {"-lR"}} {
		got := applettest.Run(&Applet, dir, "", env("UTC"), args...)
		want := applettest.RunTool(t, "ls", dir, "", env("UTC"), args...)
		if got != want {
			t.Errorf("ls %q:\n--- ours (status %d)\n%s%s--- GNU (status %d)\n%s%s",
				args, got.Status, got.Stdout, got.Stderr, want.Status, want.Stdout, want.Stderr)
		}
	}
}
