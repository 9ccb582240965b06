umask 999
echo "status $?"
