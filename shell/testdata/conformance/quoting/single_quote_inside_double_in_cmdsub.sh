x="$(echo "it's")"
echo "$x"
