i=0
while [ $i -lt 200 ]; do x=$(echo $i); i=$((i+1)); done
echo $x
