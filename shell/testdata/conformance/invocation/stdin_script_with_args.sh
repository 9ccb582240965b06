# mode: stdin
# args: p q
echo "$# $1 $2"
