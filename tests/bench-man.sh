#!/bin/sh
# bench-man.sh: render bash(1), the largest page on the machine, with
# zinebox's man and with man-db (groff), in pairs, and print the median
# wall times and their ratio (target: zinebox <= 0.5x man-db). Both are
# given the file with -l: `man bash` would let man-db show the copy it
# formatted earlier and cached in /var/cache/man.
# Usage: tests/bench-man.sh [ZINEBOX_BINARY] [RUNS]
set -eu
bin=${1:-bin/zinebox}
runs=${2:-11}
command -v man >/dev/null || { echo "bench-man: man-db not installed, skipped"; exit 0; }
page=/usr/share/man/man1/bash.1.gz
[ -e "$page" ] || { echo "bench-man: no bash(1), skipped"; exit 0; }
now() { date +%s%N; }
zt="" mt=""
i=0
while [ $i -lt "$runs" ]; do
	t0=$(now); MANWIDTH=80 "$bin" man -l "$page" >/dev/null; t1=$(now)
	MANWIDTH=80 man -P cat -l "$page" >/dev/null; t2=$(now)
	zt="$zt $(( (t1 - t0) / 1000 ))"
	mt="$mt $(( (t2 - t1) / 1000 ))"
	i=$((i + 1))
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
zm=$(median "$zt"); mm=$(median "$mt")
awk -v z="$zm" -v m="$mm" 'BEGIN { printf "man bash: zinebox %.1f ms, man-db %.1f ms, ratio %.2fx\n", z/1000, m/1000, z/m }'
