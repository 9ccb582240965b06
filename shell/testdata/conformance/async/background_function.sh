f() { echo "in bg function"; }
f > out &
wait
cat out
