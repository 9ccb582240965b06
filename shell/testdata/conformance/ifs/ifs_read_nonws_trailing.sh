printf 'a:b:\n' | { IFS=: read x y; echo "[$x][$y]"; }
printf 'a:b::\n' | { IFS=: read x y; echo "[$x][$y]"; }
printf 'a:b:c:\n' | { IFS=: read x y; echo "[$x][$y]"; }
