i=0
while [ $i -lt 20000 ]; do echo "$i"; i=$((i+1)); done | while read n; do last=$n; done
echo done
