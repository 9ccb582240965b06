(exit 1) & a=$!
(exit 2) & b=$!
(exit 3) & c=$!
wait $b; echo "b=$?"
wait $c; echo "c=$?"
wait $a; echo "a=$?"
