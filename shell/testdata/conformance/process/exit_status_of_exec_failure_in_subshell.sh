( exec /nonexistent/prog )
echo "status $?"
