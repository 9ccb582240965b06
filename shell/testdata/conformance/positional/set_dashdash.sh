set -- -x -y
echo $1 $2 $#
set --
echo $#
set -- --
echo $# "$1"
