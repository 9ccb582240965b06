type
echo "status $?"
