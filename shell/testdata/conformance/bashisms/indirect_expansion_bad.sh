x=y
y=z
echo ${!x}
echo not reached
