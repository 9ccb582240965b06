empty=
$empty
echo "status $?"
$(true)
echo "status $?"
false
$empty
echo "status after empty expansion $?"
