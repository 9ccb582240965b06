touch 'a b' a1
x='a*'
set -- $x
echo $# "$1"
