x='  a   b	c
d  '
printf '[%s]' $x; echo
