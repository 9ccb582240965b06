getopts a
echo "status $?"
