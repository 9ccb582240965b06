y='a b'
readonly r=$y
echo "$r"
