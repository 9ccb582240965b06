echo a#b #c
echo "#" '#'x
x=#y
echo $x
