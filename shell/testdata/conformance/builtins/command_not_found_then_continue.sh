nosuchcmd_zz arg
echo "status $?"
