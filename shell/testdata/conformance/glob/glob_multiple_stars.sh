touch abcabc
echo *b*b*
echo a**c
