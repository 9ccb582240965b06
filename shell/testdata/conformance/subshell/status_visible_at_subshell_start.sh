false
( echo "in subshell $?" )
false
echo "$(echo "in cmdsubst $?")"
