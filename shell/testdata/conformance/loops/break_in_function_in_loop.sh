# expect: dash: break inside a function does not break the caller's loop
f() { break; }
for i in 1 2; do f; echo $i; done
