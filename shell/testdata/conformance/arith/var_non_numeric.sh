# expect: dash: a non-numeric value in $(( )) is an error (Illegal number, status 2); bash reads it as a variable name
x=abc
( echo $((x+1)) )
echo status $?
