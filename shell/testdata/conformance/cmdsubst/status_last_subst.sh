x=$(exit 1)$(exit 2)
echo $?
