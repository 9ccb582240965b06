echo "a b c d e" | { read x y; echo "[$x][$y]"; }
