echo "a
  b
c"
