x=$(i=0; while [ $i -lt 1000 ]; do echo line$i; i=$((i+1)); done)
echo "$x" | wc -l
echo "${x##*line}"
