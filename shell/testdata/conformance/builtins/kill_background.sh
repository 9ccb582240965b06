sleep 10 &
{ kill $!; wait $!; } 2>/dev/null
echo "status $?"
