# expect: a writer stage's stdout and a reader stage's stdin are pipes (pipe:[inode])
a=$(readlink /proc/self/fd/1 | cat)
b=$(cat /dev/null | readlink /proc/self/fd/0)
case $a in pipe:*) echo writer-on-pipe;; esac
case $b in pipe:*) echo reader-on-pipe;; esac
