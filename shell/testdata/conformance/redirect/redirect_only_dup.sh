2>&1
echo "status $?"
