/bin/sh -c 'kill -PIPE $$'
echo "status $?"
