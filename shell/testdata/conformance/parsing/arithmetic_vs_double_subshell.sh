echo $( ( echo sub ) )
x=$((3))
echo $x
