IFS=o
x=foobar
printf '[%s]' $x; echo
