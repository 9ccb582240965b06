set -- -a
getopts a 'bad-name'
echo "status $?"
