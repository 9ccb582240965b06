IFS=:
x=:a:b
printf '[%s]' $x; echo
x=::
printf '[%s]' $x; echo
