mkdir -p d1/sub d2
touch d1/a d1/b d2/c
echo d*/*
echo */
echo d1/*
