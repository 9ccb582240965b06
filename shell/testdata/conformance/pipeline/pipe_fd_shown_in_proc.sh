ls -l /proc/self/fd/1 | grep -c pipe
