# expect: dash reports this error with status 2; bash --posix uses 1
f() { echo in-f; }
f < nosuch
echo "status $?"
