/usr/bin/seq 1 1000000 | /usr/bin/head -c 10
echo
echo "status $?"
