set --
printf '[%s]' "$@"; echo "n=$#"
f() { echo $#; }
f "$@"
f "$*"
f $@
