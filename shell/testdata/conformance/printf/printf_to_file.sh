printf '%s\n' data > f
cat f
