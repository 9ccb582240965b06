set -- one "two three"
for x; do echo "[$x]"; done
