for i in 1 2; do
  for j in a b; do
    continue 9
    echo never
  done
  echo never2
done
echo $i $j
