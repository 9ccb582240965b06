IFS=' :'
x=' a : b  :: c '
printf '[%s]' $x; echo
