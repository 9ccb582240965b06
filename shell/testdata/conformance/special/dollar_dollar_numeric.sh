case $$ in ''|*[!0-9]*) echo bad;; *) echo numeric;; esac
a=$$
b=$(echo $$)
[ "$a" = "$b" ] && echo same-in-subst
c=$( (echo $$) )
[ "$a" = "$c" ] && echo same-in-subshell
