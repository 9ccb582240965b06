IFS=,
x='a,b,'
printf '[%s]' $x; echo
x='a,b,,'
printf '[%s]' $x; echo
