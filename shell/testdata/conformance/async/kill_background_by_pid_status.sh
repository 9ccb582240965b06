sleep 5 &
p=$!
kill -KILL $p
wait $p
echo "status $?"
