nosuchcmd_zz | echo after
echo "status $?"
