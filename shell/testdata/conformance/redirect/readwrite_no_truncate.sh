echo abcdef > f
echo XY 1<> f
cat f
