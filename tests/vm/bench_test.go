package vmtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/zinebox/zinebox/initramfs/image"
)

// busyboxInit is the whole /init of the busybox image the VM is measured
// against: mount what a shell needs, install the applet links, and start a
// shell with the console's real terminal as its controlling tty.
const busyboxInit = `#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
/bin/busybox --install -s /bin
exec setsid cttyhack sh
`

// busyboxImage packs Debian's busybox-static into an initramfs with the
// same builder as zinebox's, uncompressed as the VM's is; it returns the
// path and the size the image has gzip'd.
func busyboxImage(b *testing.B) (string, int) {
	b.Helper()
	bb, err := os.ReadFile("/bin/busybox")
	if err != nil {
		b.Skipf("busybox-static is not installed: %v", err)
	}
	im := &image.Image{}
	im.File("bin/busybox", bb, 0o755)
	im.File("init", []byte(busyboxInit), 0o755)
	im.CharDev("dev/console", 0o600, 5, 1)
	for _, d := range []string{"proc", "sys", "dev", "tmp", "root"} {
		im.Dir(d, 0o755)
	}
	return writeImage(b, im, "busybox.cpio")
}

// goInitImage is busyboxImage with the smallest Go program as /init in
// front of the same script (tests/bench/goinit): the boot time of a Go
// /init that does nothing of its own.
func goInitImage(b *testing.B) string {
	b.Helper()
	bb, err := os.ReadFile("/bin/busybox")
	if err != nil {
		b.Skipf("busybox-static is not installed: %v", err)
	}
	root, err := RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(b.TempDir(), "goinit")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./tests/bench/goinit")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building goinit: %v\n%s", err, out)
	}
	goinit, err := os.ReadFile(bin)
	if err != nil {
		b.Fatal(err)
	}
	im := &image.Image{}
	im.File("bin/busybox", bb, 0o755)
	im.File("init", goinit, 0o755)
	im.File("init.sh", []byte(busyboxInit), 0o755)
	im.CharDev("dev/console", 0o600, 5, 1)
	for _, d := range []string{"proc", "sys", "dev", "tmp", "root"} {
		im.Dir(d, 0o755)
	}
	path, _ := writeImage(b, im, "goinit.cpio")
	return path
}

// writeImage writes im uncompressed into a temporary file and returns its
// path and its gzip'd size.
func writeImage(b *testing.B, im *image.Image, name string) (string, int) {
	b.Helper()
	var plain, gz bytes.Buffer
	if err := im.WriteCompressed(&plain, image.None); err != nil {
		b.Fatal(err)
	}
	if err := im.WriteCompressed(&gz, image.Gzip); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, plain.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, gz.Len()
}

// gzipSize returns the size of the cpio archive at path once gzip'd.
func gzipSize(b *testing.B, path string) int {
	b.Helper()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	entries, err := image.Read(f)
	if err != nil {
		b.Fatal(err)
	}
	im := &image.Image{}
	for _, e := range entries {
		im.Add(e)
	}
	var gz bytes.Buffer
	if err := im.WriteCompressed(&gz, image.Gzip); err != nil {
		b.Fatal(err)
	}
	return gz.Len()
}

// BenchmarkBootToPrompt boots the zinebox image, the busybox image and
// the busybox image behind a do-nothing Go /init (all uncompressed)
// alternately with the same kernel and QEMU flags and reports the median
// time from starting QEMU to the first prompt of each, and their ratio
// (the machine is shared: only the ratio means much). Run it with
// `go test -run '^$' -bench BootToPrompt -benchtime 5x ./tests/vm`.
func BenchmarkBootToPrompt(b *testing.B) {
	zb := BuildImage(b)
	bb, bbSize := busyboxImage(b)
	gi := goInitImage(b)
	zbSize := gzipSize(b, zb)
	var tz, tb, tg []time.Duration
	boot := func(img string) time.Duration {
		start := time.Now()
		vm := Boot(b, Image(img))
		d := time.Since(start)
		vm.exp.Close()
		vm.Wait(30 * time.Second)
		return d
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tz = append(tz, boot(zb))
		tb = append(tb, boot(bb))
		tg = append(tg, boot(gi))
	}
	b.StopTimer()
	mz, mb, mg := median(tz), median(tb), median(tg)
	b.ReportMetric(mz.Seconds(), "zinebox-s")
	b.ReportMetric(mb.Seconds(), "busybox-s")
	b.ReportMetric(mz.Seconds()/mb.Seconds(), "ratio")
	// the same busybox boot behind the smallest Go /init: the floor any
	// Go /init starts from
	b.ReportMetric(mg.Seconds()/mb.Seconds(), "goinit-ratio")
	b.ReportMetric(float64(zbSize)/float64(bbSize), "gz-size-ratio")
	b.Logf("image sizes gzip'd: zinebox %d bytes, busybox %d bytes", zbSize, bbSize)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
