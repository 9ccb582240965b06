command -V echo
command -V f 2>&1 | head -1
f() { :; }
command -V f
command -V if
