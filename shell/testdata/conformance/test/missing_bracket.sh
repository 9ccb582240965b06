[ x = x
echo "status $?"
