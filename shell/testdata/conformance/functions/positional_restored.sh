set -- a b c
f() { set -- x; echo $#; }
f 1 2
echo $# $1
