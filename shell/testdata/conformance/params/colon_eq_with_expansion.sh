unset v
w=base
: ${v:=$w/sub}
echo $v
