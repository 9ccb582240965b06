set -- "a b" c
IFS=
printf '[%s]' "$@"; echo
printf '[%s]' "$*"; echo
