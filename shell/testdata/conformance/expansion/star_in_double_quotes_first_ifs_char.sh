set -- a b
IFS=' :'
echo "$*"
IFS=': '
echo "$*"
