f() { eval 'return 3'; echo not; }
f
echo $?
