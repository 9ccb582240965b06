!
echo "status $?"
