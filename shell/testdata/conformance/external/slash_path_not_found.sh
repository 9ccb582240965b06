/nonexistent/cmd
echo "status $?"
