echo bg | cat > out &
wait
cat out
