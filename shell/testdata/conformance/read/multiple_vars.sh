echo "a b c" | { read x y z; echo "[$x][$y][$z]"; }
