echo() { printf 'my echo: %s\n' "$*"; }
echo hi
unset -f echo
echo real
