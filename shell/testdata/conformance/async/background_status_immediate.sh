false &
echo "status $?"
wait
