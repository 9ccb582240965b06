for i in 1; do break x; done
echo "status $?"
