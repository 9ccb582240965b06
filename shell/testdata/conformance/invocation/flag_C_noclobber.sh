# flags: -C
echo a > f
echo b > f
echo "status $?"
