echo $((z=4+1)) $z
echo $((a=b=3)) $a $b
