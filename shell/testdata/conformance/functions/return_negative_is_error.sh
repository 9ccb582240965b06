f() { return -1; }
f
echo "status $?"
