sleep 10 &
{ kill -s KILL $!; wait $!; } 2>/dev/null
echo "status $?"
