( echo $((2**3)) )
echo "status $?"
