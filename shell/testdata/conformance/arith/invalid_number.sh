# expect: dash reports this error with status 2; bash --posix uses 1
( echo $((09)) )
echo status $?
