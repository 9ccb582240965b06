x=v
x1=w
echo $x1 ${x}1
echo ${x}_suffix $x_suffix.
