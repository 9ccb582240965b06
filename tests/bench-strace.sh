#!/bin/bash
# bench-strace.sh: how much `zinebox strace` slows a syscall-heavy command
# down, compared with the real strace(1), as a paired ratio (issue 4 asks
# for <= 1.5x).
#
# Usage: tests/bench-strace.sh [ZINEBOX_BINARY] [ROUNDS]
# The command is `dd bs=1` copying 20,000 bytes: 40,000 read/write system
# calls, each stopping the tracee twice. Each round runs both tracers once,
# in alternating order, with the trace going to /dev/null (the cost
# measured is ptrace stops plus decoding, not terminal output); the ratio
# printed is the median of the per-round ratios.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@" # bench.sh runs us with sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
rounds=${2:-7}
if ! command -v strace >/dev/null; then
	echo "strace not installed: skipping"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	bin=$work/zinebox
	CGO_ENABLED=0 go build -o "$bin" ./cmds/zinebox
fi
ln -s "$bin" "$work/strace"
cmd=(dd if=/dev/zero of=/dev/null bs=1 count=20000 status=none)
now() { date +%s%N; }
ratios=()
real_times=()
our_times=()
plain_times=()
for r in $(seq 1 "$rounds"); do
	order=(real ours)
	[ $((r % 2)) -eq 0 ] && order=(ours real)
	t0=$(now); "${cmd[@]}"; t1=$(now); plain_times+=("$((t1 - t0))")
	for who in "${order[@]}"; do
		t0=$(now)
		if [ "$who" = real ]; then strace -o /dev/null "${cmd[@]}"; else "$work/strace" -o /dev/null "${cmd[@]}"; fi
		t1=$(now)
		if [ "$who" = real ]; then g=$((t1 - t0)); else o=$((t1 - t0)); fi
	done
	real_times+=("$g"); our_times+=("$o")
	ratios+=("$(awk -v o="$o" -v g="$g" 'BEGIN{printf "%.3f", o/g}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ms() { awk -v t="$1" 'BEGIN{printf "%.1f ms", t/1e6}'; }
echo "strace of dd bs=1 count=20000 (40,000 system calls), $rounds rounds"
echo "untraced median:       $(ms "$(median "${plain_times[@]}")")"
echo "real strace median:    $(ms "$(median "${real_times[@]}")")"
echo "zinebox strace median: $(ms "$(median "${our_times[@]}")")"
ratio=$(median "${ratios[@]}")
verdict=$(awk -v r="$ratio" 'BEGIN{print (r <= 1.5) ? "met" : "NOT met"}')
echo "paired ratio (zinebox/real strace, median): ${ratio}x (target <= 1.5x: $verdict)"
echo "per-round ratios: ${ratios[*]}"
