printf 'data\n' > f
cat < f &
wait
