x=$(printf '%05000d' 0)
printf '%s\n' "$x" | { read l; echo ${#l}; }
