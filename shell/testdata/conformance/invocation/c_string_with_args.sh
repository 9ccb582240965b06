# mode: c
# args: one two
echo "$# $1 $2"
