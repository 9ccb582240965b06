# expect: dash reports this error with status 2; bash --posix uses 1
unset u
( : ${u?gone} ; echo not here )
echo "status $?"
