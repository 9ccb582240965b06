# expect: dash 0.5.12 arithmetic has no comma operator (not required by POSIX): error, status 2; bash evaluates it
( echo $((1,2)) )
echo status $?
