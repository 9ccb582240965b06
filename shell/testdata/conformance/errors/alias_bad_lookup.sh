alias =x
echo "status $?"
