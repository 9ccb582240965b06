x=$(printf '\n\n')
echo "[$x]"
