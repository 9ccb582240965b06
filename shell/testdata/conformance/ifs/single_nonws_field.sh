IFS=,
x=','
printf '[%s]' $x; echo
