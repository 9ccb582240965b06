x=$(true)
echo $?
x=$(exit 2) y=1
echo $?
