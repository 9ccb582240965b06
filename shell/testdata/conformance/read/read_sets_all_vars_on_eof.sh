x=old y=old
printf '' | { read x y; echo "[$x][$y]"; }
