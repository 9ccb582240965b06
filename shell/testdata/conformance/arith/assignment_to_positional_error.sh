# expect: dash reports this error with status 2; bash --posix uses 1
# zinebox-known-failure: mvdan.cc/sh/v3/syntax rejects the arithmetic at parse time, so the whole script fails instead of the subshell
( : $((1=2)) )
echo status $?
