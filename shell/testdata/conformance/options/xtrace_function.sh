set -x
f() { echo in-f; }
f arg
