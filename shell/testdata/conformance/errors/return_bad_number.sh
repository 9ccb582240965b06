f() { return abc; }
f
echo "status $?"
