touch b
echo [z-a]
