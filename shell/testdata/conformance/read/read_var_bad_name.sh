# expect: dash reports this error with status 2; bash --posix uses 1
echo a | { read 1x; echo "st=$?"; }
