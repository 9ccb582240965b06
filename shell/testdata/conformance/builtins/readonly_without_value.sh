# expect: dash reports this error with status 2; bash --posix uses 1
X=pre
readonly X
X=post
echo not reached
