# expect: dash reports this error with status 2; bash --posix uses 1
set -o noclobber
echo a > f
echo b > f
echo "st $?"
cat f
