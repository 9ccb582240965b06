cd a b
echo "status $?"
