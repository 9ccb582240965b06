touch a.x b.x
IFS=.
x='*.x'
echo $x
