f() { read x; echo "f got $x"; }
echo data | f
