printf '   \n' | { read a b; echo "[$a][$b]"; }
