gen() { i=1; while [ $i -le 5 ]; do echo $i; i=$((i+1)); done; }
square() { while read n; do echo $((n*n)); done; }
sum() { s=0; while read n; do s=$((s+n)); done; echo $s; }
gen | square | sum
