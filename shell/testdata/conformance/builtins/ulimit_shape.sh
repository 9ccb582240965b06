ulimit -n > /dev/null
echo "status $?"
