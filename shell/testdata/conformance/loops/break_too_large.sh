# expect: break N larger than the nesting breaks all loops
for i in 1 2; do
  for j in a b; do
    break 5
  done
  echo never
done
echo out
