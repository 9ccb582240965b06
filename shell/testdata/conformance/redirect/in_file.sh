printf 'a\nb\n' > f
wc -l < f
read x < f
echo $x
