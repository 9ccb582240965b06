f() { echo f; }
readonly f=1 2>/dev/null
f
