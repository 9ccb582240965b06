( sleep 0.1; echo a > fa ) &
( echo b > fb ) &
wait
cat fa fb
echo done
