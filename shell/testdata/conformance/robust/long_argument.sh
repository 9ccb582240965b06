x=$(printf '%0100000d' 0)
/usr/bin/printf '%s' "$x" | wc -c
