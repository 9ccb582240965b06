< nosuch_zz
echo "status $?"
