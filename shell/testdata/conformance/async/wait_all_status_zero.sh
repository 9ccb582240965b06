(exit 4) &
wait
echo "status $?"
