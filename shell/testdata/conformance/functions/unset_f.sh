f() { echo fn; }
unset -f f
f 2>/dev/null || echo gone $?
