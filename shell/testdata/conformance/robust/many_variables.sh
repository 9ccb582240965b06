i=0
while [ $i -lt 1000 ]; do eval "v$i=$i"; i=$((i+1)); done
echo $v0 $v500 $v999
