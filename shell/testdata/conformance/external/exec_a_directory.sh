mkdir d
PATH=$PWD:/usr/bin:/bin
d
echo "status $?"
