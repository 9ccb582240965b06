for n in 3 4 5 6 7 8 9; do
  eval "exec $n>f$n"
  eval "echo fd$n >&$n"
  eval "exec $n>&-"
done
cat f3 f4 f5 f6 f7 f8 f9
