( : $((1=2)) )
echo status $?
