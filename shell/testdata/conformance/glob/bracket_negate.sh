touch a b c
echo [!a]
echo [!a-b]
