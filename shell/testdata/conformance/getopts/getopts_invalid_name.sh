# expect: dash reports this error with status 2; bash --posix uses 1
set -- -a
getopts a 'bad-name'
echo "status $?"
