set -- a b
IFS='xy'
echo "$*"
