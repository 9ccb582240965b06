nosuch_command_zz
echo "status $?"
