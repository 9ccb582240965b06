echo crlf
x=1
echo "[$x]"
