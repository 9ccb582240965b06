# args: x
echo "${0##*/}" "$1"
