echo to-stderr >&2
echo to-stdout 1>&2 2>/dev/null
