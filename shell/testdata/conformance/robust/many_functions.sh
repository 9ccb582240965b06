i=0
while [ $i -lt 300 ]; do eval "f$i() { echo $i; }"; i=$((i+1)); done
f0; f299
