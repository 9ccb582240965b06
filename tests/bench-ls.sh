#!/bin/sh
# bench-ls.sh: wall time of `zinebox ls` against GNU ls, as paired ratios
# (issue 3 asks for <= 0.8x GNU on both):
#   - `ls -l` of a directory of 20,000 files
#   - `ls -lR /usr/share`
# plus, for information, plain `ls` and `ls --color=always` of the same
# directory. Output goes to /dev/null, where both tools fully buffer it.
#
# Usage: tests/bench-ls.sh [ZINEBOX_BINARY] [SAMPLES]
set -eu
cd "$(dirname "$0")/.."
bin=${1:-}
n=${2:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	bin=$work/zinebox
	CGO_ENABLED=0 go build -trimpath -o "$bin" ./cmds/zinebox
fi
go build -o "$work/pairtime" ./tests/bench/pairtime
mkdir "$work/bin"
ln -s "$bin" "$work/bin/ls"
big=$work/big
mkdir "$big"
(cd "$big" && seq -f 'file%05g' 1 20000 | xargs touch)
pt() { "$work/pairtime" -n "$n" -label "$1" -- "env LC_ALL=C /bin/ls $2" -- "env LC_ALL=C $work/bin/ls $2"; }
pt "ls -l, 20,000 files (first line GNU, second zinebox)" "-l $big"
pt "ls -lR /usr/share" "-lR /usr/share"
pt "ls, 20,000 files" "$big"
pt "ls --color=always -C, 20,000 files" "--color=always -C $big"
