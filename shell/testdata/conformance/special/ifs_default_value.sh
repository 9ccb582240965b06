printf '%s' "$IFS" | od -An -c
