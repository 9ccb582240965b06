./nosuchfile_zz
echo "status $?"
