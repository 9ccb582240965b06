f() { echo "called with $# args: $*"; }
f
f a b
