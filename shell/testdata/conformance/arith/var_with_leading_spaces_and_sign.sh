x=' -3'
echo $((x + 1))
y=+4
echo $((y * 2))
