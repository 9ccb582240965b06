x=0
printf 'a\nb\n' | while read l; do x=$((x+1)); done
echo $x
