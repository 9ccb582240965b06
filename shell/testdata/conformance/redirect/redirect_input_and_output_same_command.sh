printf 'abc\n' > in
tr a-c A-C < in > out
cat out
