f() { echo "f: $# $1"; }
set -- outer1 outer2
f inner
echo "after: $# $1"
