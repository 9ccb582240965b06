x=$(nosuch_cmd_zz)
echo "status $?"
