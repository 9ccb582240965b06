f() { unset IFS; }
IFS=:
f
x='a b:c'
printf '[%s]' $x; echo
