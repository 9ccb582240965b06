(exit 4) &
wait %1
echo "status $?"
