repeat() { r=; i=0; while [ $i -lt $2 ]; do r=$r$1; i=$((i+1)); done; echo "$r"; }
repeat ab 3
pad() { printf '%-8s|%8s|\n' "$1" "$1"; }
pad left
