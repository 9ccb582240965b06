x=$(echo err 2>&1 >&2)
echo "[$x]"
x=$( (echo err >&2) 2>&1)
echo "[$x]"
