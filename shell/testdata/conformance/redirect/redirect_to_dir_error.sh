# expect: dash reports this error with status 2; bash --posix uses 1
mkdir d
echo x > d
echo "status $?"
