unset v
echo ${v=first} ${v=second} $v
