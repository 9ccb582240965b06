exec -x true
echo "status $?"
