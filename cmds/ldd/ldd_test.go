package ldd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zinebox/zinebox/pkg/applet/applettest"
)

// fixtures builds, with gcc, programs and libraries that exercise each rule
// of ld.so's search in dir. It skips the test when gcc is missing.
func fixtures(t *testing.T, dir string) {
	t.Helper()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("gcc not installed")
	}
	write := func(name, text string, mode os.FileMode) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), mode); err != nil {
			t.Fatal(err)
		}
	}
	write("main.c", "extern int a(void);\nint main(void){return a();}\n", 0o644)
	write("plain.c", "#include <stdio.h>\nint main(void){puts(\"hi\");return 0;}\n", 0o644)
	write("a.c", "extern int b(void);\nint a(void){return b();}\n", 0o644)
	write("b.c", "int b(void){return 0;}\n", 0o644)
	write("c1.c", "extern int c2(void);\nint c1(void){return c2();}\n", 0o644)
	write("c2.c", "extern int c1(void);\nint c2(void){return c1();}\n", 0o644)
	write("cyc.c", "extern int c1(void);\nint main(void){return c1();}\n", 0o644)
	write("text.txt", "just text\n", 0o644)
	// The booby trap: an interpreter that leaves a marker if anything runs it.
	write("trap.sh", "#!/bin/sh\ntouch "+filepath.Join(dir, "MARKER")+"\n", 0o755)
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	gcc := func(args ...string) {
		t.Helper()
		cmd := exec.Command("gcc", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gcc %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	lib := func(out, src string, extra ...string) {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(out)), 0o755); err != nil {
			t.Fatal(err)
		}
		gcc(append([]string{"-shared", "-fPIC", "-o", out, src, "-Wl,--no-as-needed"}, extra...)...)
	}
	lib("b/libb.so", "b.c")
	lib("b/glibc-hwcaps/x86-64-v2/libb.so", "b.c")
	lib("a/liba.so", "a.c", "-Lb", "-lb")
	lib("arp/liba.so", "a.c", "-Lb", "-lb", "-Wl,--disable-new-dtags", "-Wl,-rpath,$ORIGIN/../b")
	lib("cyc/libc2.so", "c2.c")
	lib("cyc/libc1.so", "c1.c", "-Lcyc", "-lc2")
	lib("cyc/libc2.so", "c2.c", "-Lcyc", "-lc1") // now each needs the other
	lib("gone/libgone.so", "b.c")
	// One file under two names: a path in one DT_NEEDED, a soname-less
	// name found through DT_RPATH in another. ld.so loads it once.
	lib("nos/libnos.so", "b.c")
	lib("libother.so", "c2.c", "-Lnos", "-lnos", "-Wl,--disable-new-dtags", "-Wl,-rpath,"+filepath.Join(dir, "nos"), "-Wl,--allow-shlib-undefined")
	main := func(out string, extra ...string) {
		gcc(append([]string{"-o", out, "main.c", "-Wl,--no-as-needed", "-Wl,-rpath-link,b", "-La", "-la"}, extra...)...)
	}
	// DT_RPATH is inherited by liba's lookup of libb; DT_RUNPATH is not.
	main("rpath", "-Wl,--disable-new-dtags", "-Wl,-rpath,$ORIGIN/a:$ORIGIN/b")
	main("runpath", "-Wl,--enable-new-dtags", "-Wl,-rpath,$ORIGIN/a:$ORIGIN/b")
	main("runpath-abs", "-Wl,--enable-new-dtags", "-Wl,-rpath,"+filepath.Join(dir, "a"))
	main("origin-lib", "-Wl,--enable-new-dtags", "-Wl,-rpath,${ORIGIN}/arp", "-Larp")
	main("norpath")
	main("nodeflib", "-Wl,-z,nodeflib", "-Wl,-rpath,$ORIGIN/a:$ORIGIN/b")
	main("platform", "-Wl,-rpath,$ORIGIN/a:$ORIGIN/$PLATFORM:$ORIGIN/$LIB")
	// A 32-bit libb.so first on the path: ld.so skips it (wrong class)
	// and goes on searching. (-nostdlib: gcc's -m32 needs no 32-bit libc.)
	lib("m32/libb.so", "b.c", "-m32", "-nostdlib")
	main("rpath32", "-Wl,--disable-new-dtags", "-Wl,-rpath,$ORIGIN/m32:$ORIGIN/a:$ORIGIN/b")
	gcc("-o", "trapped", "plain.c", "-Wl,--dynamic-linker="+filepath.Join(dir, "trap.sh"))
	gcc("-o", "missing", "plain.c", "-Wl,--no-as-needed", "-Lgone", "-lgone")
	gcc("-o", "cycle", "cyc.c", "-Wl,--no-as-needed", "-Lcyc", "-lc1", "-Wl,-rpath-link,cyc", "-Wl,-rpath,$ORIGIN/cyc")
	gcc("-o", "static", "plain.c", "-static")
	gcc("-o", "plainexe", "plain.c")
	gcc("-o", "twonames", "plain.c", "-Wl,--no-as-needed", filepath.Join(dir, "nos/libnos.so"), "-L.", "-lother", "-Wl,-rpath,"+dir, "-Wl,--allow-shlib-undefined")
	gcc("-o", "static-pie", "plain.c", "-static-pie")
	if err := os.RemoveAll(filepath.Join(dir, "gone")); err != nil {
		t.Fatal(err)
	}
}

var addrRE = regexp.MustCompile(`\(0x[0-9a-f]+\)`)

// TestSameAsGlibc runs one table against zinebox's ldd and glibc's; the
// output must be identical except for load addresses.
func TestSameAsGlibc(t *testing.T) {
	dir := t.TempDir()
	fixtures(t, dir)
	llp := []string{"LD_LIBRARY_PATH=" + filepath.Join(dir, "b")}
	for _, tc := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"./rpath"}},
		{nil, []string{"rpath"}},
		{nil, []string{filepath.Join(dir, "rpath")}},
		{nil, []string{"./runpath"}}, // libb => not found: RUNPATH is not inherited
		{llp, []string{"./runpath"}},
		{nil, []string{"./runpath-abs"}},
		{llp, []string{"./runpath-abs"}},
		{nil, []string{"./origin-lib"}},
		{nil, []string{"./norpath"}},
		{llp, []string{"./norpath"}},
		{[]string{"LD_LIBRARY_PATH=a:b"}, []string{"./norpath"}},
		{[]string{"LD_LIBRARY_PATH=$ORIGIN/a;$ORIGIN/b"}, []string{"./norpath"}},
		{nil, []string{"./nodeflib"}},
		{nil, []string{"./rpath32"}},
		{[]string{"LD_LIBRARY_PATH=m32"}, []string{"./runpath"}},
		{nil, []string{"./platform"}},
		{nil, []string{"./trapped"}},
		{nil, []string{"./missing"}},
		{nil, []string{"./cycle"}},
		{nil, []string{"./twonames"}},
		{nil, []string{"./static"}},
		{nil, []string{"./static-pie"}},
		{nil, []string{"b/libb.so"}},
		{nil, []string{"a/liba.so"}},
		{nil, []string{"text.txt"}},
		{nil, []string{"main.c", "nonexistent", "adir"}},
		{nil, []string{"./rpath", "./static", "./missing", "./static-pie"}},
		{nil, []string{"-v", "./rpath"}},
		{nil, []string{"-v", "./plain-v-missing"}},
		{nil, []string{"--verbose", "./missing"}},
		{nil, []string{"-u", "./rpath"}},
		{nil, []string{"-u", "./missing"}},
		{nil, []string{"-r", "-d", "./rpath"}},
		{[]string{"LD_PRELOAD=" + filepath.Join(dir, "b/libb.so")}, []string{"./plainexe"}},
		{[]string{"LD_PRELOAD=libz.so.1 nope.so"}, []string{"./plainexe"}},
		{[]string{"LD_PRELOAD=b/libb.so:libz.so.1"}, []string{"./rpath"}},
		{nil, []string{"/usr/bin/ls", "/bin/sh", "/lib64/ld-linux-x86-64.so.2"}},
		{nil, []string{"-v", "/usr/bin/ls"}},
		{nil, []string{}},
		// the ldd script's own option parsing
		{nil, []string{"./plainexe", "-v"}},
		{nil, []string{"-uv", "./plainexe"}},
		{nil, []string{"--v", "./plainexe"}},
		{nil, []string{"--verb", "--un", "--dat", "--func", "./rpath"}},
		{nil, []string{"--verbose=1", "./plainexe"}},
		{nil, []string{"--", "-v"}},
		{nil, []string{"-x"}},
		{nil, []string{"-"}},
	} {
		got := applettest.Run(&Applet, dir, "", tc.env, tc.args...)
		want := applettest.RunTool(t, "ldd", dir, "", tc.env, tc.args...)
		got.Stdout = addrRE.ReplaceAllString(got.Stdout, "(ADDR)")
		want.Stdout = addrRE.ReplaceAllString(want.Stdout, "(ADDR)")
		if got != want {
			t.Errorf("%v ldd %q:\n got %+v\nwant %+v", tc.env, tc.args, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "MARKER")); err == nil {
		t.Fatal("the trap interpreter was run")
	}
}

// TestNeverExecutes runs only our ldd on the booby-trapped program: its
// PT_INTERP is a script that would leave a marker file.
func TestNeverExecutes(t *testing.T) {
	dir := t.TempDir()
	fixtures(t, dir)
	for _, args := range [][]string{{"./trapped"}, {"-v", "./trapped"}, {"-u", "./trapped"}} {
		got := applettest.Run(&Applet, dir, "", nil, args...)
		wantLine := "\t" + filepath.Join(dir, "trap.sh") + " => /lib64/ld-linux-x86-64.so.2 ("
		if got.Status != 0 || (args[0] == "./trapped" && !strings.Contains(got.Stdout, wantLine)) {
			t.Errorf("ldd %q: %+v", args, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "MARKER")); err == nil {
		t.Fatal("the trap interpreter was run")
	}
}

// TestHostBinaries compares with glibc's ldd on programs of the host.
func TestHostBinaries(t *testing.T) {
	paths, _ := filepath.Glob("/usr/bin/*")
	if len(paths) > 150 {
		paths = paths[:150]
	}
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		got := applettest.Run(&Applet, "/", "", nil, p)
		want := applettest.RunTool(t, "ldd", "/", "", nil, p)
		got.Stdout = addrRE.ReplaceAllString(got.Stdout, "(ADDR)")
		want.Stdout = addrRE.ReplaceAllString(want.Stdout, "(ADDR)")
		if got != want {
			t.Errorf("ldd %s:\n got %+v\nwant %+v", p, got, want)
		}
	}
}
