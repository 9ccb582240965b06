read -r
echo "status $?"
