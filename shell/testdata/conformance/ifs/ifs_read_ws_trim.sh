printf '  a  b  \n' | { read x y; echo "[$x][$y]"; }
printf '  a  b  \n' | { IFS= read x; echo "[$x]"; }
