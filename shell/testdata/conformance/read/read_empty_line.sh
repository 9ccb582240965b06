printf '\nx\n' | { read a; echo "st=$? [$a]"; read b; echo "[$b]"; }
