readonly -p
echo "status $?"
