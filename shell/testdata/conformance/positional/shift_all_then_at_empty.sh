set -- a b
shift 2
printf '[%s]' "$@"; echo "n=$#"
