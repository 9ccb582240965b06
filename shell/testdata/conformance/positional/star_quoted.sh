set -- "a b" c "" d
printf '[%s]' "$*"; echo
