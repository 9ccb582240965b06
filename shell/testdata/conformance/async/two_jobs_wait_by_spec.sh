(exit 5) &
(exit 6) &
wait %2
echo "second $?"
wait %1
echo "first $?"
