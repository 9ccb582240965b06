f() { for a; do echo "$a"; done; }
f p q
