#!/bin/sh
# install-qemu.sh installs QEMU's x86 system emulator when it is missing.
#
# CI and developers run this as root on Debian. apt-get refuses to run twice
# at once (dpkg's frontend lock), and `make test` may install reference tools
# while `make vm` installs QEMU, so every apt-get here takes our own lock
# first and then waits for dpkg's lock rather than failing.
set -eu

if command -v qemu-system-x86_64 >/dev/null 2>&1; then
	exit 0
fi
. "$(dirname "$0")/apt-lock.sh"
echo "install-qemu: installing qemu-system-x86" >&2
export DEBIAN_FRONTEND=noninteractive
apt_locked update -qq
apt_locked install -y -qq --no-install-recommends qemu-system-x86 >&2
