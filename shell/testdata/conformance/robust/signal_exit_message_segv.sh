/bin/sh -c 'kill -SEGV $$'
echo "status $?"
