x="a b"
y=$x
echo "$y"
z='$x'
echo "$z"
w=\$x
echo "$w"
