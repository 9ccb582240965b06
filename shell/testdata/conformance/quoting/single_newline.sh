echo 'line1
line2'
x='a
b'
echo "$x"
