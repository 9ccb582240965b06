{ echo a; echo b; } > f
cat f
if true; then echo c; fi > g
cat g
for i in 1 2; do echo $i; done > h
cat h
