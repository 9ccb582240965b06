set -x
f() { return 3; }
f || echo failed
