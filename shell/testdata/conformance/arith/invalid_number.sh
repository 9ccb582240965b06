( echo $((09)) )
echo status $?
