i=0
while i=$((i+1)); [ $i -le 2 ]; do echo $i; done
