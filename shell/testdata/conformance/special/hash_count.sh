echo $#
set -- a b c
echo $#
f() { echo $#; }
f 1 2 3 4 5
