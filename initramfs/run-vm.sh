#!/bin/sh
# run-vm.sh boots the teaching VM on this terminal: Debian's kernel (from
# fetch-kernel.sh) with the zinebox initramfs, the serial console on
# standard input and output.
#
# Usage: run-vm.sh IMAGE [KERNEL-ARGUMENT]...
#
# Why these QEMU flags:
#   -serial mon:stdio   the console on this terminal; Ctrl-C goes to the VM
#                       (plain -serial stdio would let Ctrl-C kill QEMU), and
#                       Ctrl-] x quits QEMU, Ctrl-] c reaches its monitor
#   -echr 0x1d          that escape key is Ctrl-] (telnet's), not QEMU's
#                       Ctrl-A, which the shell needs for beginning-of-line
#   -display none       not -nographic: SeaBIOS would send ESC c and clear
#                       this terminal
#   -no-reboot          reboot and a kernel panic (panic=-1) end QEMU
#   isa-debug-exit      a zinebox.run= boot reports its command's status as
#                       QEMU's own: (status<<1)|1
#   vmlinux             the uncompressed kernel boots through PVH, about twice
#                       as fast under TCG as the compressed vmlinuz
#   no_timer_check      on a loaded host TCG can be too slow for the kernel's
#                       IO-APIC timer check, which then panics the boot
# KVM is used only when ZINEBOX_KVM=1: on machines of this kind /dev/kvm
# exists and opens but QEMU hangs with it, so it cannot be detected safely.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
image=${1:?usage: run-vm.sh IMAGE [KERNEL-ARGUMENT]...}
shift
kdir=$("$here/fetch-kernel.sh")
accel=""
if [ "${ZINEBOX_KVM:-}" = 1 ]; then
	accel="-accel kvm"
fi
nic="-nic none" net="no network"
if [ "${ZINEBOX_NET:-}" = 1 ]; then
	nic="-nic user,model=virtio-net-pci" net="eth0 10.0.2.15, host 10.0.2.2"
fi
# A serial console cannot tell the guest how big this terminal is: say it
# on the kernel command line, and init sets it on ttyS0.
size=""
if rc=$(stty size 2>/dev/null) && [ -n "$rc" ]; then
	size="zinebox.size=${rc#* }x${rc% *}"
fi
cat >&2 <<MSG
Booting the zinebox VM (kernel $(basename "$kdir"), ${ZINEBOX_MEM:-256} MiB, $net).
To leave: type poweroff (or exit) at the shell, or press Ctrl-] then x.
MSG
# shellcheck disable=SC2086
exec qemu-system-x86_64 $accel -m "${ZINEBOX_MEM:-256}" $nic -no-reboot \
	-display none -serial mon:stdio -echr 0x1d \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	-kernel "$kdir/vmlinux" -initrd "$image" \
	-append "console=ttyS0 quiet panic=-1 no_timer_check $size $*"
