x='a
b'
echo "$x" | wc -l
