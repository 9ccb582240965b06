wait %9
echo "status $?"
