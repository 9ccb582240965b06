printf 'a b\tc\n' | { IFS='
' read x y; echo "[$x][$y]"; }
