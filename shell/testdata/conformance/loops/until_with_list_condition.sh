n=0
until n=$((n+1)); [ $n -ge 3 ]; do echo "n=$n"; done
