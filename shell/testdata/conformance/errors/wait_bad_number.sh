wait abc
echo "status $?"
