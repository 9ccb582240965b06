x=6 y=7
echo $((x*y)) $(($x*$y))
