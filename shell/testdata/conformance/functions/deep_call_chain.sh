a() { b; echo a; }
b() { c; echo b; }
c() { echo c; }
a
