a=$(readlink /proc/self)
b=$(echo x | readlink /proc/self)
[ "$a" != "$b" ] && echo "different processes"
