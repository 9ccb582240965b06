# expect: dash reports this error with status 2; bash --posix uses 1
e=
echo "${e:?empty or unset}"
echo not reached
