# expect: dash reports this error with status 2; bash --posix uses 1
readonly R=1
readonly R=2
echo not reached
