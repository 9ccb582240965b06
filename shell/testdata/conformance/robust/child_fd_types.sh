ls -l /proc/self/fd/0 /proc/self/fd/1 </dev/null 2>&1 >/dev/null | head -0
readlink /proc/self/fd/0 < /dev/null
echo x | readlink /proc/self/fd/0 | sed 's/[0-9][0-9]*/N/'
