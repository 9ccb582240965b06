x='1 2'
for i in $x "$x" 3; do echo "[$i]"; done
