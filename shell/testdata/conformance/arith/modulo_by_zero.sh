# expect: dash reports this error with status 2; bash --posix uses 1
( echo $((5%0)) )
echo status $?
