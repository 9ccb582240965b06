f() { echo "in: $C"; }
C=outer
C=inner f
echo "out: $C"
