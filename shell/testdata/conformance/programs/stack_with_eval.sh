depth=0
push() { depth=$((depth+1)); eval "stack_$depth=\$1"; }
pop() { eval "popped=\$stack_$depth"; unset "stack_$depth"; depth=$((depth-1)); }
push a; push "b c"; push d
pop; echo "$popped"
pop; echo "$popped"
echo "depth=$depth"
