# zinebox-known-failure: mvdan.cc/sh/v3/syntax rejects the arithmetic at parse time, so the whole script fails instead of the subshell
[ 1 -eq 1.0 ]
echo "status $?"
( : $((1.5)) )
echo "status $?"
