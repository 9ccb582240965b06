set -- a b
unset IFS
echo "$*"
