printf 'l1\nl2\n' > f
read a < f
read b < f
echo "$a $b"
