kill -s
echo "status $?"
