x=$(seq 1 100000)
echo ${#x}
