trap 'echo got-usr1' USR1
sleep 5 &
p=$!
( sleep 0.2; kill -USR1 $$ ) &
wait $p
echo "wait status $?"
{ kill $p; wait; } 2>/dev/null
