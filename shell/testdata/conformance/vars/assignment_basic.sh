x=1
echo $x
x=
echo "[$x]"
