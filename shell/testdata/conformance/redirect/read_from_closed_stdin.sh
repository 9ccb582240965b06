exec 0<&-
read x
echo "status $?"
