f() { IFS=,; }
f
x=a,b
set -- $x
echo $#
