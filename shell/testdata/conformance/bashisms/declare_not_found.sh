declare x=1
echo "status $?"
