exec 3>f
sh_echo() { /bin/echo "$@"; }
sh_echo child >&3
exec 3>&-
cat f
