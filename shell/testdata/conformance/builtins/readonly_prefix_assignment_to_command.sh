readonly R=1
R=2 /bin/true
echo "status $?"
