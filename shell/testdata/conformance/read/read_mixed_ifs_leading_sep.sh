printf ':a:b\n' | { IFS=: read x y z; echo "[$x][$y][$z]"; }
