/bin/sh -c 'kill -INT $$'
echo "status $?"
