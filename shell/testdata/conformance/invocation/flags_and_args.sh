# flags: -e
# args: p q
echo "$#: $*"
