touch a1
cat < a*
echo "status $?"
