touch f
chmod -x f
./f
echo $?
