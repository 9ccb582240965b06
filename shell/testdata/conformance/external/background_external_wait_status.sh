/bin/sh -c 'exit 3' &
wait $!
echo "status $?"
