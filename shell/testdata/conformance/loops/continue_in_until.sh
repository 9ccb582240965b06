i=0
until [ $i -ge 4 ]; do
  i=$((i+1))
  [ $i = 2 ] && continue
  echo $i
done
