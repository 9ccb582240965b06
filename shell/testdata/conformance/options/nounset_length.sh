# expect: dash reports this error with status 2; bash --posix uses 1
set -u
( echo ${#undefined_zz} )
echo "status $?"
