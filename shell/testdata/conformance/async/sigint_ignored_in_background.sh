# expect: without job control, asynchronous commands ignore SIGINT and SIGQUIT
sleep 5 &
p=$!
sleep 0.3
kill -INT $p
kill -0 $p && echo still-alive
{ kill $p; wait $p; } 2>/dev/null
echo "status $?"
