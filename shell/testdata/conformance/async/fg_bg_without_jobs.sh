fg
echo "fg status $?"
bg
echo "bg status $?"
