# expect: dash reports this error with status 2; bash --posix uses 1
cd /nonexistent_zz
echo "status $?"
