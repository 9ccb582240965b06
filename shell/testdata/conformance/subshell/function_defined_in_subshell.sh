( f() { echo f; }; f )
f 2>/dev/null || echo "not defined outside"
