# expect: dash keeps return values above 255 in $? (unspecified by POSIX)
f() { return 300; }
f; echo $?
