f() { echo "f sees $1"; }
echo data | ( read v; f "$v" )
