echo "$(echo "inner quoted")"
echo "$(echo 'single inside')"
x="$(echo "a  b")"
echo "$x"
