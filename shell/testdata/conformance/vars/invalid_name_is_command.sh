1x=5 2>/dev/null
echo "status $?"
