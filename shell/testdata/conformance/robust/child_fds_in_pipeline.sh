/bin/ls /proc/self/fd | cat | tr '\n' ' '
echo
