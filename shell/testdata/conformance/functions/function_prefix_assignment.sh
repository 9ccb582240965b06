# expect: dash: assignments before a function call are local to the call (not POSIX-mandated)
f() { echo "in f: $v"; }
v=outer
v=temp f
echo "after: $v"
