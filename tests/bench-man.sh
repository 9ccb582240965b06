#!/bin/sh
# bench-man.sh: render bash(1), the largest page on the machine, with
# zinebox's man and with man-db (groff), in pairs, and print the median
# wall times and their ratio (target: zinebox <= 0.5x man-db). The first
# pair gives both the file with -l, so both format it; the second runs the
# issue's literal `man -P cat bash`, which lets man-db show the copy it
# formatted earlier and cached in /var/cache/man (when there is one).
# Usage: tests/bench-man.sh [ZINEBOX_BINARY] [RUNS]
set -eu
bin=${1:-bin/zinebox}
runs=${2:-11}
command -v man >/dev/null || { echo "bench-man: man-db not installed, skipped"; exit 0; }
page=/usr/share/man/man1/bash.1.gz
[ -e "$page" ] || { echo "bench-man: no bash(1), skipped"; exit 0; }
now() { date +%s%N; }
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# pair LABEL OURS THEIRS: alternate the two commands, print the medians.
pair() {
	zt="" mt=""
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(now); sh -c "$2" >/dev/null; t1=$(now)
		sh -c "$3" >/dev/null; t2=$(now)
		zt="$zt $(( (t1 - t0) / 1000 ))"
		mt="$mt $(( (t2 - t1) / 1000 ))"
		i=$((i + 1))
	done
	zm=$(median "$zt"); mm=$(median "$mt")
	awk -v l="$1" -v z="$zm" -v m="$mm" 'BEGIN { printf "%s: zinebox %.1f ms, man-db %.1f ms, ratio %.2fx\n", l, z/1000, m/1000, z/m }'
}
export MANWIDTH=80
# both format the page
pair "man bash (both format)" "'$bin' man -l $page" "man -P cat -l $page"
# the issue's literal command: man-db may answer from the page it
# formatted earlier (/var/cache/man/cat1/bash.1.gz); zinebox formats
pair "man -P cat bash (man-db cached)" "'$bin' man -P cat bash" "man -P cat bash"
