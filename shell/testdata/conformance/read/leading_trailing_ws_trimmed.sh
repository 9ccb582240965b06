echo "   a b   " | { read x; echo "[$x]"; }
