x=$()
echo "[$x]" $?
