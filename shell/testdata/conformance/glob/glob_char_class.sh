touch a 1 B
echo [[:digit:]]
echo [[:lower:]]
echo [[:upper:]]
echo [[:alpha:]]
