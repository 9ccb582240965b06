echo a > f &
wait
echo b >> f
cat f
