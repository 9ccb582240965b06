# expect: dash reports this error with status 2; bash --posix uses 1
exec 3< nonexistent
echo not reached
