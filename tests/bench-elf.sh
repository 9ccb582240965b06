#!/bin/sh
# bench-elf.sh measures zinebox's file and ldd against file(1) and glibc's
# ldd with paired runs (ours, theirs, ours, theirs, ...) and reports the
# ratio of the medians: the machine is shared and noisy, so only ratios mean
# anything. Targets from issue 5: file /usr/bin/* <= 0.3x, ldd of 200
# programs <= 0.05x.
#
#   tests/bench-elf.sh [ROUNDS]     (ZB=path/to/zinebox to use another binary)
set -eu

rounds=${1:-5}
cd "$(dirname "$0")/.."
zb=${ZB:-bin/zinebox}
if [ ! -x "$zb" ]; then
	CGO_ENABLED=0 go build -trimpath -o "$zb" ./cmds/zinebox
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$(cd "$(dirname "$zb")" && pwd)/$(basename "$zb")" "$tmp/file"
ln -s "$(cd "$(dirname "$zb")" && pwd)/$(basename "$zb")" "$tmp/ldd"

# 200 dynamically linked programs from /usr/bin (regular files only).
progs=$(for f in /usr/bin/*; do [ -f "$f" ] && [ ! -L "$f" ] && head -c 4 "$f" | grep -q ELF && echo "$f"; done | head -200)

now() { date +%s%N; }

# time_cmd prints the wall time of "$@" in nanoseconds.
time_cmd() {
	t0=$(now)
	"$@" >/dev/null 2>&1 || true
	t1=$(now)
	echo $((t1 - t0))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# pair NAME OURS... -- THEIRS...: paired runs, then the report line.
pair() {
	name=$1
	shift
	ours=""
	theirs=""
	for a in "$@"; do
		if [ "$a" = "--" ]; then
			theirs=x
			continue
		fi
		if [ -z "$theirs" ]; then ours="$ours $a"; else theirs="$theirs $a"; fi
	done
	theirs=${theirs#x}
	: >"$tmp/o"
	: >"$tmp/t"
	i=0
	while [ $i -lt "$rounds" ]; do
		# shellcheck disable=SC2086
		time_cmd $ours >>"$tmp/o"
		# shellcheck disable=SC2086
		time_cmd $theirs >>"$tmp/t"
		i=$((i + 1))
	done
	mo=$(median <"$tmp/o")
	mt=$(median <"$tmp/t")
	awk -v n="$name" -v o="$mo" -v t="$mt" 'BEGIN {
		printf "%-28s zinebox %8.1f ms   reference %8.1f ms   ratio %.3fx\n", n, o/1e6, t/1e6, o/t }'
}

# shellcheck disable=SC2046
pair "file /usr/bin/*" "$tmp/file" /usr/bin/* -- file /usr/bin/*
# shellcheck disable=SC2086
pair "ldd of 200 programs" "$tmp/ldd" $progs -- ldd $progs
