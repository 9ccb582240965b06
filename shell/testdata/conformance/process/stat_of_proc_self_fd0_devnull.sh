readlink /proc/self/fd/0
