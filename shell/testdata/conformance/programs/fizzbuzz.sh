i=1
while [ $i -le 15 ]; do
  out=
  [ $((i % 3)) -eq 0 ] && out=Fizz
  [ $((i % 5)) -eq 0 ] && out=${out}Buzz
  echo "${out:-$i}"
  i=$((i+1))
done
