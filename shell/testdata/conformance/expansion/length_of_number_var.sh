n=12345
echo ${#n}
