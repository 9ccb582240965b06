IFS=:
unset IFS
x='a:b c'
printf '[%s]' $x; echo
IFS=' '
printf '[%s]' $x; echo
