f() { shift; echo "in f: $*"; }
set -- x y z
f a b c
echo "outer: $*"
