touch a b c d x
echo [a-c]
echo [bx]
