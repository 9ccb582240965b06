# args: outer1 outer2
f() { echo "$# $1"; }
f inner
echo "$# $1"
