set -C
set +C
echo a > f
echo b > f
cat f
