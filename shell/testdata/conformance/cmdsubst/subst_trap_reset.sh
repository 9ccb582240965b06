trap 'echo parent' EXIT
x=$(echo child)
echo "$x"
