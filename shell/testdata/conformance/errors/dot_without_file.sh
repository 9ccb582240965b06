.
echo "status $?"
