x=abc
( echo $((x+1)) )
echo status $?
