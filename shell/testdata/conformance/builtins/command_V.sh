# expect: command -V of a missing name: dash prints 'f: not found' on stdout; bash words it differently on stderr
command -V echo
command -V f 2>&1 | head -1
f() { :; }
command -V f
command -V if
