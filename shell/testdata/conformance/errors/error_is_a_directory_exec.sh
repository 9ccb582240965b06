mkdir d
./d
echo "status $?"
