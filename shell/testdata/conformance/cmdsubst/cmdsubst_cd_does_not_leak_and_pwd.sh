mkdir sub
x=$(cd sub; pwd)
echo "${x##*/}"
[ "$PWD" != "$x" ] && echo unchanged
