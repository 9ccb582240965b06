# expect: dash reports this error with status 2; bash --posix uses 1
{ echo in; } < nosuch
echo "status $?"
