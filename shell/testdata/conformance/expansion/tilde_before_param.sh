HOME=/h
x=~
echo $x ~/"$x"
