kill 999999
echo "status $?"
