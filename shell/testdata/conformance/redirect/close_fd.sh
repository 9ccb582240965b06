# expect: dash reports this error with status 2; bash --posix uses 1
exec 3>f
echo via3 >&3
exec 3>&-
echo again >&3
echo "status $?"
cat f
