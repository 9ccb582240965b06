# expect: local is not POSIX, but dash supports it
x=global
f() { local x=inner; echo $x; g; }
g() { echo "g sees $x"; }
f
echo $x
