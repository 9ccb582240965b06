set -- 1 2 3
set -- a"$@"b
echo $# "$1" "$3"
