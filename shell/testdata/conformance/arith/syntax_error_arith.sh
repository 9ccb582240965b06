# expect: dash reports this error with status 2; bash --posix uses 1
# zinebox-known-failure: mvdan.cc/sh/v3/syntax rejects the arithmetic when the script is parsed; dash reports it when the line runs
echo before
echo $((1+))
echo after
