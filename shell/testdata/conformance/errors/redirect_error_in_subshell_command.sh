( cat < nosuch_file_zz )
echo "status $?"
