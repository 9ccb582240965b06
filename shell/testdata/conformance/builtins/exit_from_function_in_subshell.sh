f() { exit 2; }
( f; echo not )
echo "status $?"
