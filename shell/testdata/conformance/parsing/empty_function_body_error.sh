f() { }
echo not reached
