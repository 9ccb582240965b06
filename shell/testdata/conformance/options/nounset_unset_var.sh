# expect: dash reports this error with status 2; bash --posix uses 1
set -u
echo before
echo $undefined_zz
echo not reached
