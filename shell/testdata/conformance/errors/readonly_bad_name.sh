readonly 1x=2
echo "status $?"
