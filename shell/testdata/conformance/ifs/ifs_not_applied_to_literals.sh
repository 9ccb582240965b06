IFS=:
printf '[%s]' a:b c:d; echo
