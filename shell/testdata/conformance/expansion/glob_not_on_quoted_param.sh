touch a1
x='a*'
echo "$x" $x
