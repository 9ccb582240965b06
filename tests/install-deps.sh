#!/bin/sh
# install-deps.sh installs the Debian packages that the tests compare
# zinebox against, only when one is missing, so that a machine that has
# them runs no apt-get at all. Run as root (CI and developers are).
set -eu
. "$(dirname "$0")/../initramfs/apt-lock.sh"

# Reference tools: package name, then a file that proves it is installed.
want="
dash /bin/dash
coreutils /usr/bin/ls
procps /usr/bin/ps
sysvinit-utils /bin/pidof
file /usr/bin/file
man-db /usr/bin/man
groff-base /usr/bin/nroff
manpages /usr/share/man/man7/pipe.7.gz
manpages-dev /usr/share/man/man2/read.2.gz
strace /usr/bin/strace
busybox-static /bin/busybox
mandoc /usr/bin/mandoc
gcc /usr/bin/gcc
cpio /usr/bin/cpio
netcat-openbsd /bin/nc.openbsd
python3 /usr/bin/python3
bzip2 /bin/bzip2
xz-utils /usr/bin/xz
zstd /usr/bin/zstd
"
missing=""
echo "$want" | { while read -r pkg path; do
	[ -n "$pkg" ] || continue
	[ -e "$path" ] || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
	echo "install-deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt_locked update -qq
	# shellcheck disable=SC2086
	apt_locked install -y -qq --no-install-recommends $missing
fi; }
