# expect: dash keeps 257 in $? after return 257 (unspecified by POSIX; bash gives 1)
f() { return 257; }
f; echo $?
