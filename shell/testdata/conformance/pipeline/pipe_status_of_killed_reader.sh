yes | true
echo "status $?"
