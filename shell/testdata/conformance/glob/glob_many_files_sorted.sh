i=0
while [ $i -lt 30 ]; do touch "f$i"; i=$((i+1)); done
echo f*
