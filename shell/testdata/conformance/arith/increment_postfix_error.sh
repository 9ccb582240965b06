x=5
( echo $((x++)) )
echo status $?
