package vmtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/sys/unix"
)

// The binary, images and kernel are made once per test process and shared
// by every test in it.
var (
	buildMu   sync.Mutex
	binPath   string
	binDir    string // made by this process: Cleanup removes it
	binErr    error
	binDone   bool
	images    = map[string]string{}
	kernelDir string
	appletSet map[string]bool
)

func workDir() (string, error) {
	dir, err := buildDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "vmtest")
	return dir, os.MkdirAll(dir, 0o755)
}

// buildDir is the repository's build/ when it is writable, else (the
// harness imported from another module, its source in the read-only
// module cache) zinebox's directory in the user's cache.
func buildDir() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "build")
	if err := os.MkdirAll(dir, 0o755); err == nil && unix.Access(dir, unix.W_OK) == nil {
		return dir, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(cache, "zinebox")
	return dir, os.MkdirAll(dir, 0o755)
}

// Binary builds a stripped, static zinebox once per test process and
// returns its path. ZINEBOX_BIN names a ready one instead.
func Binary(t testing.TB) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if !binDone {
		binDone = true
		binPath, binErr = buildBinary()
	}
	if binErr != nil {
		t.Fatalf("vmtest: building zinebox: %v", binErr)
	}
	return binPath
}

func buildBinary() (string, error) {
	if p := os.Getenv("ZINEBOX_BIN"); p != "" {
		return filepath.Abs(p)
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	work, err := workDir()
	if err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(work, "bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	out := filepath.Join(dir, "zinebox")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./cmds/zinebox")
	cmd.Dir = root
	// Static: the image has no dynamic loader for a cgo build.
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		binDir = ""
		return "", &buildError{err: err, output: string(msg)}
	}
	return out, nil
}

// Cleanup removes the binary and images this process built. Call it from
// TestMain after m.Run; the kernel cache stays.
func Cleanup() {
	buildMu.Lock()
	defer buildMu.Unlock()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	binDir, binPath, binDone, binErr = "", "", false, nil
	images = map[string]string{}
}

type buildError struct {
	err    error
	output string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.output }

// RequireApplets skips the test unless the binary has every applet named:
// the VM suites are written against applets that other people are still
// writing, and a missing one is a skip naming it, never a fake.
func RequireApplets(t testing.TB, names ...string) {
	t.Helper()
	var missing []string
	for _, n := range names {
		if !HasApplet(t, n) {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		t.Skipf("applet not registered yet: %s", strings.Join(missing, ", "))
	}
}

// HasApplet reports whether the test binary has applet name.
func HasApplet(t testing.TB, name string) bool {
	t.Helper()
	bin := Binary(t)
	buildMu.Lock()
	defer buildMu.Unlock()
	if appletSet == nil {
		out, err := exec.Command(bin, "--list").Output()
		if err != nil {
			t.Fatalf("vmtest: %s --list: %v", bin, err)
		}
		appletSet = map[string]bool{}
		for _, n := range strings.Fields(string(out)) {
			appletSet[n] = true
		}
	}
	return appletSet[name]
}

// BuildImage packs the test binary into an initramfs with the host
// programs add (each with its libraries), once per set of programs.
func BuildImage(t testing.TB, add ...string) string {
	t.Helper()
	return buildImage(t, add, nil)
}

func buildImage(t testing.TB, add, overlay []string) string {
	t.Helper()
	bin := Binary(t)
	key := strings.Join(slices.Sorted(slices.Values(add)), "\x00") + "\x01" + strings.Join(overlay, "\x00")
	buildMu.Lock()
	defer buildMu.Unlock()
	if img, ok := images[key]; ok {
		return img
	}
	// Uncompressed: under TCG the kernel's gunzip costs about a second of
	// every boot (see the Makefile's vm target).
	img := filepath.Join(filepath.Dir(bin), "image-"+strconv.Itoa(len(images))+".cpio")
	args := []string{"initramfs", "--compress=none", "-o", img}
	for _, a := range add {
		args = append(args, "--add", a)
	}
	for _, o := range overlay {
		args = append(args, "--overlay", o)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("vmtest: zinebox %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	images[key] = img
	return img
}

// KernelDir returns the directory fetch-kernel.sh keeps Debian's kernel
// in: vmlinux, vmlinuz and modules/.
func KernelDir(t testing.TB) string {
	t.Helper()
	return filepath.Dir(FetchKernel(t))
}

// FetchKernel returns the path of Debian's uncompressed kernel, fetching it
// with initramfs/fetch-kernel.sh the first time (a cached one is reused).
func FetchKernel(t testing.TB) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if kernelDir == "" {
		root, err := RepoRoot()
		if err != nil {
			t.Fatal(err)
		}
		build, err := buildDir()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", filepath.Join(root, "initramfs", "fetch-kernel.sh"), filepath.Join(build, "kernel"))
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			skipOrFail(t, "vmtest: fetch-kernel.sh: %v", err)
		}
		kernelDir = strings.TrimSpace(string(out))
	}
	return filepath.Join(kernelDir, "vmlinux")
}

// requireQEMU returns the emulator's path, or skips the test when it is not
// installed and ZINEBOX_VM_REQUIRED is not 1 (`make test` installs QEMU and
// sets it, so there a missing QEMU fails).
func requireQEMU(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("qemu-system-x86_64")
	if err != nil {
		skipOrFail(t, "vmtest: qemu-system-x86_64 is not installed (make vmdeps installs it)")
	}
	return p
}

func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("ZINEBOX_VM_REQUIRED") == "1" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}
