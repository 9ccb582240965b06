# expect: dash 0.5.12 arithmetic has no ++/-- (not required by POSIX): x++ is an error; bash increments
x=5
( echo $((x++)) )
echo status $?
