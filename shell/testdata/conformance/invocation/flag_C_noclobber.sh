# expect: dash reports this error with status 2; bash --posix uses 1
# flags: -C
echo a > f
echo b > f
echo "status $?"
