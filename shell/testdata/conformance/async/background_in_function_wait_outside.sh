f() { (exit 6) & }
f
wait $!
echo "status $?"
