echo piped | tr a-z A-Z > out &
wait
cat out
