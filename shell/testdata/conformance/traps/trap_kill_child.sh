# expect: dash reports a background job killed by a signal with 'Terminated' on stderr when it is waited for
sleep 5 &
p=$!
kill $p
wait $p
echo "status $?"
