true &
p=$!
wait
wait $p
echo "status $?"
