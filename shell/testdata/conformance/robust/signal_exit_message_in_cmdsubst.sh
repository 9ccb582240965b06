x=$(/bin/sh -c 'kill -TERM $$')
echo "status $?"
