hash nosuch_zz
echo "status $?"
