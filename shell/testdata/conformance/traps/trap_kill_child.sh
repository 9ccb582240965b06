# expect: whether dash reports a killed background job ('Terminated') races, so stderr is discarded
sleep 5 &
p=$!
{ kill $p; wait $p; } 2>/dev/null
echo "status $?"
