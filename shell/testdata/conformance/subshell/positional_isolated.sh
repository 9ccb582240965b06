set -- a b
( set -- x; echo $# $1 )
echo $# $1
