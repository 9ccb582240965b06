i=0
while [ $i -lt 20 ]; do (exit $((i % 3))) & i=$((i+1)); done
wait
echo "status $?"
