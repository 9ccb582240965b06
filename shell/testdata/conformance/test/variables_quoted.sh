e=
[ "$e" = "" ] && echo empty-eq
[ -n "$e" ] || echo not-n
unset u
[ -z "$u" ] && echo unset-z
