false
( : )
echo $?
