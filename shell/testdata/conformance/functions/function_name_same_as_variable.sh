x() { echo func-x; }
x=var-x
x
echo $x
