set -- -- a
echo $# "$1"
