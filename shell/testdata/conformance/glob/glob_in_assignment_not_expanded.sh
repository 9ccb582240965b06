touch f1 f2
x=f*
echo "$x"
echo $x
