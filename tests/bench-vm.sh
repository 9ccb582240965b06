#!/bin/sh
# bench-vm.sh (run by `make bench` through tests/bench.sh): time from
# starting QEMU to the first shell prompt, zinebox's image vs Debian's
# busybox-static in a 5-line /init, booted alternately with the same
# kernel and flags; and the two images' sizes. Ratios only: the machine is
# shared.
set -eu
cd "$(dirname "$0")/.."
./initramfs/install-qemu.sh
./initramfs/fetch-kernel.sh >/dev/null
echo "== VM: boot to prompt, zinebox vs busybox vs busybox behind a do-nothing Go /init (goinit; medians of 5 alternate boots)"
go test -run '^$' -bench BootToPrompt -benchtime 5x -count 1 ./tests/vm |
	sed -n 's/^BenchmarkBootToPrompt[^ ]*[ 	]*//p; s/^.*image sizes/  image sizes/p' | sort -u | sed 's/^/  /'
