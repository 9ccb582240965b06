unset never_set_zz
echo "status $?"
