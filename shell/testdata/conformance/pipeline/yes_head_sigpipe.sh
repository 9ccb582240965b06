yes | head -n 1
echo "status $?"
