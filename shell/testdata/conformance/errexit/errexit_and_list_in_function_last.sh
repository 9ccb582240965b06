set -e
f() { [ 1 = 2 ] && echo no; }
f
echo not reached
