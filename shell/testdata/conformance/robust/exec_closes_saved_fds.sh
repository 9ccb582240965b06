exec 5>f
exec 5>&-
/bin/ls /proc/self/fd | tr '\n' ' '
echo
