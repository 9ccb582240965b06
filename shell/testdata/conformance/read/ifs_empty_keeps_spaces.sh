echo "  spaced  " | { IFS= read -r x; echo "[$x]"; }
