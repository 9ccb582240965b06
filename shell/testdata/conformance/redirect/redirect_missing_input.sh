cat < nosuchfile
echo "status $?"
