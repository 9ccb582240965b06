# mode: c
echo "dollar zero is ${0##*/}"
echo "args: $*"
