true extra args > /dev/null
echo $?
