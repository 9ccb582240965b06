seq 1 100000 | head -n 3
echo "status $?"
