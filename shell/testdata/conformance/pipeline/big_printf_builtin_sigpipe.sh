printf '%s\n' $(seq 1 100000) | head -n 2
echo "status $?"
