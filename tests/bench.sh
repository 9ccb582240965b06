#!/bin/sh
# bench.sh: `make bench`. Side-by-side timings against the peer tools, run in
# one go and reported as ratios (the machine is shared and noisy: only
# ratios mean anything). Every other tests/bench-*.sh is run after the
# start-up benchmark.
set -eu
cd "$(dirname "$0")/.."
out=build/bench
mkdir -p "$out"

[ -x /bin/busybox ] || ./tests/install-deps.sh
CGO_ENABLED=0 go build -trimpath -o "$out/zinebox" ./cmds/zinebox
CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$out/zinebox-stripped" ./cmds/zinebox
CGO_ENABLED=0 go build -trimpath -o "$out/floor" ./tests/bench/floor
CGO_ENABLED=0 go build -trimpath -o "$out/depfloor" ./tests/bench/depfloor
go build -o "$out/pairtime" ./tests/bench/pairtime

echo "== start-up: zinebox true vs the static Go floor vs busybox true (paired medians)"
echo "   (depfloor: the floor plus mvdan.cc/sh's syntax and expand, which every build links)"
"$out/pairtime" -n 400 -- "$out/floor" -- "$out/depfloor" -- "$out/zinebox true" -- "/bin/busybox true"

echo "== size"
size=$(stat -c %s "$out/zinebox-stripped")
echo "  stripped zinebox: $size bytes ($(( size / 1024 / 1024 )) MiB); busybox-static: $(stat -c %s /bin/busybox) bytes"

echo "== package init work (GODEBUG=inittrace=1 zinebox true): the costliest inits"
GODEBUG=inittrace=1 "$out/zinebox" true 2>&1 | sort -t@ -k2 | awk '{print "  " $0}' | sort -k5 -n -r | head -5

echo "== throughput: GNU tools vs zinebox applets in the same /bin/sh pipeline (256 MiB)"
big="$out/big.txt"
[ -s "$big" ] || head -c 201326592 /dev/urandom | base64 > "$big"
links="$out/links"
rm -rf "$links" && mkdir -p "$links" && "$out/zinebox" --install -s "$links" >/dev/null
"$out/pairtime" -sh -n 9 -- "cat $big | wc -l" -- "$links/cat $big | $links/wc -l"
"$out/pairtime" -sh -n 5 -- "yes | head -c 256M | wc -c" -- "$links/yes | $links/head -c 256M | $links/wc -c"
"$out/pairtime" -sh -n 5 -- "yes | head -c 256M | wc -c" -- "busybox yes | busybox head -c 256M | busybox wc -c"

echo "== shell: zinebox sh vs dash vs bash on the same scripts (paired medians; dash is the reference)"
printf 'i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done\n' > "$out/loop.sh"
printf 'i=0; while [ $i -lt 2000 ]; do /bin/true; i=$((i+1)); done\n' > "$out/true2000.sh"
"$out/pairtime" -n 7 -- "dash $out/loop.sh" -- "$out/zinebox sh $out/loop.sh" -- "bash $out/loop.sh"
"$out/pairtime" -n 7 -- "dash $out/true2000.sh" -- "$out/zinebox sh $out/true2000.sh" -- "bash $out/true2000.sh"
"$out/pairtime" -sh -n 5 -- "dash -c 'cat $big | wc -l'" -- "$out/zinebox sh -c '$links/cat $big | $links/wc -l'"
for sh in dash "$out/zinebox sh" bash; do
	rss=$(/usr/bin/time -f %M $sh "$out/loop.sh" 2>&1 >/dev/null | tail -n 1)
	echo "  max RSS of the 200k loop: $sh: $rss KiB"
done
# Where zinebox's RSS is: pages of the executable mapped in (the kernel maps
# 64 KiB around each page fault of a file: fault-around) versus the Go
# heap, stacks and runtime metadata; and the same for the plain Go floors.
"$out/zinebox" sh -c "i=0; while [ \$i -lt 200000 ]; do i=\$((i+1)); done; $links/cat /proc/\$\$/smaps_rollup" |
	awk '/^Rss:/ {r=$2} /^Anonymous:/ {a=$2} END {printf "  zinebox sh after the loop: RSS %d KiB = %d KiB of the executable + %d KiB anonymous\n", r, r-a, a}'
for f in floor depfloor; do
	echo "  max RSS of $f (exits at once): $(/usr/bin/time -f %M "$out/$f" 2>&1 | tail -n 1) KiB"
done

for b in tests/bench-*.sh; do
	[ -e "$b" ] || continue
	echo "== $b"
	sh "$b" || echo "  ($b failed)"
done
