echo data > f
cat < f | cat
