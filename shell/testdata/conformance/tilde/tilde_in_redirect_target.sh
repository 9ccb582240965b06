HOME=$PWD
echo data > ~/out
cat out
