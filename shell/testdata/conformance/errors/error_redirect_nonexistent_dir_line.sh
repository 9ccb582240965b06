echo a
echo b > nodir/file
echo c
