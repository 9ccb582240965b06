# args: a b c
shift
echo "$*"
