# expect: dash reports this error with status 2; bash --posix uses 1
echo a > f
set -C
echo b > f
echo "status $?"
echo c >| f
cat f
