f() { echo in-f; }
f < nosuch
echo "status $?"
