# expect: a child sees fds 0 1 2 only (plus the directory ls itself opens): the shell leaks no descriptors
/bin/ls /proc/self/fd | tr '\n' ' '
echo
