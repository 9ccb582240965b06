f() { return 3; }
f; echo $?
g() { return; }
false; g; echo $?
h() { false; return; }
h; echo $?
