command -x true
echo "status $?"
