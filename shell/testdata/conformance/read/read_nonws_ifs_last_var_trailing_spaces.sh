printf 'a, b ,c  \n' | { IFS=, read x y; echo "[$x][$y]"; }
