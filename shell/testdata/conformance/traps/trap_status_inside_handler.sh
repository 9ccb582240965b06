trap 'echo "status in handler $?"' USR1
false
kill -USR1 $$
echo "after $?"
