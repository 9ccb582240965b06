f() { cat; }
f <<E
to func
E
