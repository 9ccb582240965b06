< /dev/null
echo "status $?"
