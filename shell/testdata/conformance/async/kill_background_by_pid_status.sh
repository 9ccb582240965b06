sleep 5 &
p=$!
{ kill -KILL $p; wait $p; } 2>/dev/null
echo "status $?"
