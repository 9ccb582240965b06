tmp=work.tmp
trap 'rm -f "$tmp"; echo cleaned' EXIT
echo data > "$tmp"
[ -f "$tmp" ] && echo exists
