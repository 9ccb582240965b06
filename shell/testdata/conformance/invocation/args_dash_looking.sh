# args: -x --y
echo "$1" "$2"
