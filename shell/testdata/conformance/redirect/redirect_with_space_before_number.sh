echo a 2 >f
cat f
