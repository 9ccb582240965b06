x=$(printf '%s-' a b c)
echo "$x"
