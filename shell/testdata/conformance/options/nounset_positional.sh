# expect: dash reports this error with status 2; bash --posix uses 1
set -u
( echo $1 )
echo "status $?"
