x=1 > f
echo "[$x]"
ls f
