x=$(printf 'a\n\n\n')
echo "[$x]"
y=$(printf '\n\na\n\nb\n\n')
echo "[$y]"
