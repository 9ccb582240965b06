x=$(false)
echo $?
x=$(exit 9)
echo $?
