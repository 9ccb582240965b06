IFS=' '
x='a b'
printf '[%s]' "$x"; echo
