echo 1
/bin/echo 2
printf 3
/usr/bin/printf 4
echo
