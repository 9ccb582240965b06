package vmtest

import (
	"bytes"
	"os"
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
// same builder and compression as zinebox's.
func busyboxImage(b *testing.B) string {
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
	var buf bytes.Buffer
	if err := im.WriteCompressed(&buf, image.Gzip); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "busybox.cpio.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBootToPrompt boots the zinebox image and the busybox image
// alternately with the same kernel and QEMU flags and reports the median
// time from starting QEMU to the first prompt of each, and their ratio
// (the machine is shared: only the ratio means much). Run it with
// `go test -run '^$' -bench BootToPrompt -benchtime 5x ./tests/vm`.
func BenchmarkBootToPrompt(b *testing.B) {
	zb := BuildImage(b)
	bb := busyboxImage(b)
	var tz, tb []time.Duration
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
	}
	b.StopTimer()
	mz, mb := median(tz), median(tb)
	b.ReportMetric(mz.Seconds(), "zinebox-s")
	b.ReportMetric(mb.Seconds(), "busybox-s")
	b.ReportMetric(mz.Seconds()/mb.Seconds(), "ratio")
	sz, _ := os.Stat(zb)
	sb, _ := os.Stat(bb)
	if sz != nil && sb != nil {
		b.ReportMetric(float64(sz.Size())/float64(sb.Size()), "size-ratio")
		b.Logf("image sizes: zinebox %d bytes, busybox %d bytes", sz.Size(), sb.Size())
	}
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}
