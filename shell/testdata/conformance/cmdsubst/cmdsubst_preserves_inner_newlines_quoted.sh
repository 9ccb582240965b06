x=$(printf 'a\n\nb')
echo "$x" | wc -l
echo $x
