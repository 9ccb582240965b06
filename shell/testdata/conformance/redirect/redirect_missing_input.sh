# expect: dash reports this error with status 2; bash --posix uses 1
cat < nosuchfile
echo "status $?"
