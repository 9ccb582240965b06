set -e
f() { return 1; }
true && f
echo not reached
