x=1
x=2 &
wait
echo $x
{ x=3; } &
wait
echo $x
