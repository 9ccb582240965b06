unset 1
echo "status $?"
