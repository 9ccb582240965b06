kill -FOO $$
echo "status $?"
