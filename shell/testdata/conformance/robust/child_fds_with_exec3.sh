exec 3>f
/bin/ls /proc/self/fd | tr '\n' ' '
echo
exec 3>&-
/bin/ls /proc/self/fd | tr '\n' ' '
echo
