x=$(i=0; while [ $i -lt 20000 ]; do echo "line number $i"; i=$((i+1)); done)
echo ${#x}
