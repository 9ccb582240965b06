set -e
f() { false && true; }
f
echo not reached
