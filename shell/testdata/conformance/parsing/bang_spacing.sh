!true 2>/dev/null
echo "status $?"
! true
echo "status $?"
