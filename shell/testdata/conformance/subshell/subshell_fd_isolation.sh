# expect: dash reports this error with status 2; bash --posix uses 1
( exec 3>f; echo x >&3 )
echo y >&3
echo "status $?"
cat f
