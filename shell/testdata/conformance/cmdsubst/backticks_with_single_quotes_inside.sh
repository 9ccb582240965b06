echo `echo 'a  b'`
echo "`echo 'a  b'`"
