x=é
echo ${#x}
