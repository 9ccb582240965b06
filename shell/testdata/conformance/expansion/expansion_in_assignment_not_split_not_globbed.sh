touch g1 g2
x=g*
y=$x
echo "$y"
z=$(echo a   b)
echo "$z"
