#!/bin/sh
# fetch-kernel.sh fetches Debian's current amd64 kernel without installing
# it, and prints the directory that holds it: build/kernel/VERSION/ with
#   vmlinuz   the bzImage as Debian ships it
#   vmlinux   the uncompressed ELF kernel inside it: QEMU boots an ELF
#             through the PVH entry point, skipping the decompressor, which
#             under TCG (no KVM) halves the time to the first output.
#
# The metapackage linux-image-amd64 names the current kernel package
# (linux-image-6.1.0-NN-amd64; old NNs vanish from the mirror, so the name
# is never written down here). A kernel already in the cache is reused
# without asking apt anything, so a machine that has one boots offline.
#
# Usage: fetch-kernel.sh [CACHE_DIR]   (default: build/kernel beside the repo root)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-$here/../build/kernel}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

# A kernel we already have wins: reuse the newest complete one.
have=$(ls -1d "$cache"/*/vmlinux 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$have" ] && [ -z "${ZINEBOX_KERNEL_REFRESH:-}" ]; then
	dirname "$have"
	exit 0
fi

. "$here/apt-lock.sh"
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
if [ -z "$pkg" ]; then
	# Package lists missing or stale (a fresh machine): update, then ask again.
	DEBIAN_FRONTEND=noninteractive apt_locked update -qq >&2
	pkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)
fi
[ -n "$pkg" ] || { echo "fetch-kernel: apt-cache does not name a linux-image-*-amd64 package" >&2; exit 1; }
ver=${pkg#linux-image-}
dir=$cache/$ver
if [ -s "$dir/vmlinux" ]; then
	echo "$dir"
	exit 0
fi

tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "fetch-kernel: downloading $pkg" >&2
# apt-get download writes into the working directory and needs no lock.
(cd "$tmp" && apt-get download -qq -o APT::Sandbox::User=root "$pkg" >&2)
deb=$(ls "$tmp"/*.deb)
# The modules that `make vm NET=1` loads come along; the rest stay out.
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" --wildcards \
	"./boot/vmlinuz-$ver" \
	"./lib/modules/$ver/kernel/drivers/net/virtio_net.ko" \
	"./lib/modules/$ver/kernel/drivers/net/net_failover.ko" \
	"./lib/modules/$ver/kernel/net/core/failover.ko" \
	"./lib/modules/$ver/kernel/drivers/virtio/*" 2>/dev/null ||
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp" "./boot/vmlinuz-$ver"
mkdir -p "$tmp/out"
mv "$tmp/boot/vmlinuz-$ver" "$tmp/out/vmlinuz"
if [ -d "$tmp/lib/modules/$ver" ]; then
	mkdir -p "$tmp/out/modules"
	find "$tmp/lib/modules/$ver" -name '*.ko*' -exec mv {} "$tmp/out/modules/" \;
fi

# The bzImage's payload is an xz stream: find its magic (FD 37 7A 58 5A 00)
# and decompress that one stream; what follows it is not xz.
off=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$tmp/out/vmlinuz" | head -n 1 | cut -d: -f1)
[ -n "$off" ] || { echo "fetch-kernel: no xz payload in vmlinuz-$ver" >&2; exit 1; }
tail -c +"$((off + 1))" "$tmp/out/vmlinuz" | xz -dc --single-stream >"$tmp/out/vmlinux"
head -c 4 "$tmp/out/vmlinux" | od -An -c | grep -q 'E   L   F' ||
	{ echo "fetch-kernel: the payload of vmlinuz-$ver is not an ELF kernel" >&2; exit 1; }

rm -rf "$dir"
mv "$tmp/out" "$dir"
echo "$dir"
