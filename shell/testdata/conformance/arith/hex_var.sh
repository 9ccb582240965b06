x=0x20
echo $((x)) $((x+1))
