# expect: dash reports this error with status 2; bash --posix uses 1
echo before
echo $((1+))
echo after
