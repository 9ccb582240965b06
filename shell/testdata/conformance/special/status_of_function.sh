f() { return 42; }
f; echo $?
g() { false; }
g; echo $?
h() { :; }
false; h; echo $?
