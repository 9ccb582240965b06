set a b c
echo $# $2
