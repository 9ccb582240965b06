# expect: dash reports this error with status 2; bash --posix uses 1
( : $((1=2)) )
echo status $?
