typeset x=1
echo "status $?"
