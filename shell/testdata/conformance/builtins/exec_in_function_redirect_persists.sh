f() { exec 3>f.out; }
f
echo via3 >&3
exec 3>&-
cat f.out
