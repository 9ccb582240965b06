f() { echo to-file; } > out
f
cat out
f
cat out
