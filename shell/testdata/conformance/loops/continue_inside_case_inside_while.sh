i=0
while [ $i -lt 4 ]; do
  i=$((i+1))
  case $i in 2|3) continue;; esac
  echo $i
done
