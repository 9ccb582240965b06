printf '%5%|\n'
echo "status $?"
