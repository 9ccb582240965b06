echo one | cat > f
cat f
