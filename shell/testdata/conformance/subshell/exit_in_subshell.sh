( exit 3 )
echo "status $?"
( echo a; exit 4; echo b )
echo "status $?"
