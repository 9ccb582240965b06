echo a > f
echo after
read x < f
echo "$x"
