/bin/sh -c 'exit 42'
echo "status $?"
