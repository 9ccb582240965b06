true && echo yes > f &
wait
cat f
