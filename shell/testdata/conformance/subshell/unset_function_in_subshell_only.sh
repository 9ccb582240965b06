f() { echo still-here; }
( unset -f f; f 2>/dev/null || echo gone-in-sub )
f
