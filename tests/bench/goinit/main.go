// Command goinit is the smallest Go /init: it replaces itself at once
// with busybox's shell running /init.sh. The VM benchmark boots Debian's
// busybox image with it in front, to measure what starting any Go program
// as the first process costs under QEMU's TCG (the runtime's first run
// is translated instruction by instruction) — the tax every Go /init
// pays before doing anything, which busybox's C /init does not.
package main

import (
	"os"
	"syscall"
)

func main() {
	err := syscall.Exec("/bin/busybox", []string{"sh", "/init.sh"}, os.Environ())
	os.Stderr.WriteString("goinit: exec /bin/busybox: " + err.Error() + "\n")
	os.Exit(1)
}
