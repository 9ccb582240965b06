g() { f; }
f() { echo late; }
g
