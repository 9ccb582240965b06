[[ 1 = 1 ]]
echo "status $?"
