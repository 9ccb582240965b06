IFS='
'
x='a b
c d

e'
printf '[%s]' $x; echo
