touch ab
x='a[b]'
echo "$x" $x
