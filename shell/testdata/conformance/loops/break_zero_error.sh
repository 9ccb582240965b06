for i in 1 2; do break 0; done
echo "status $?"
