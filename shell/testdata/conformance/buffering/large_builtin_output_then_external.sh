i=0
while [ $i -lt 2000 ]; do echo "line $i"; i=$((i+1)); done > f
/bin/echo tail >> f
wc -l < f
tail -n 2 f
