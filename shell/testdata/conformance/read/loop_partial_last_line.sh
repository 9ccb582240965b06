printf '1\n2' | while read n; do echo "n$n"; done
