x=$(printf '%01000d' 0)
echo ${#x}
