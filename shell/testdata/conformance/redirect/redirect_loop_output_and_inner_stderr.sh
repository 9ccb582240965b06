for i in 1 2; do echo "out $i"; echo "err $i" >&2; done > out 2> err
cat out err
