# mode: c
echo before
nosuch_cmd_zz
echo "status $?"
