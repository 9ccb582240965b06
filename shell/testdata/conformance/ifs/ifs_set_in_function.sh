f() { IFS=:; }
f
x=a:b
printf '[%s]' $x; echo
