n=2
while [ $n -le 30 ]; do
  d=2 prime=1
  while [ $((d*d)) -le $n ]; do
    if [ $((n % d)) -eq 0 ]; then prime=0; break; fi
    d=$((d+1))
  done
  [ $prime = 1 ] && printf '%d ' $n
  n=$((n+1))
done
echo
