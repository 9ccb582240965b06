( trap 'echo "sub trap $?"' EXIT; false )
echo "status $?"
