[ "" -eq 0 ]
echo "status $?"
