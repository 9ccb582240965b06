touch ']' x
echo []x]
