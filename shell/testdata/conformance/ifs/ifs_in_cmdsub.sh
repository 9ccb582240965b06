IFS=:
printf '[%s]' $(echo a:b:c); echo
printf '[%s]' "$(echo a:b:c)"; echo
