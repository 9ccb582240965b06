false
s=$?
echo $s $?
