# zinebox-known-failure: the parser drops a carriage return before a newline; dash keeps it in the word
echo crlf
x=1
echo "[$x]"
