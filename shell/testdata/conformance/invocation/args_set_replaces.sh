# args: a b
set -- z
echo $# $1
