# expect: arrays are bash-only: dash reports a syntax error
echo before
a=(1 2)
echo not reached
