set -- a b c
echo $#
set -- "$@" d
echo $# $4
