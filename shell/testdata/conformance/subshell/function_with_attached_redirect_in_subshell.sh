f() { echo attached; } > out
( f )
cat out
