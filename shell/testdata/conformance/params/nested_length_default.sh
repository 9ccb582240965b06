x=abc
echo ${x:+${#x}}
unset y
echo ${y:-${#x}}
