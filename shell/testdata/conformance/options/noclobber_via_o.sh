set -o noclobber
echo a > f
echo b > f
echo "st $?"
cat f
