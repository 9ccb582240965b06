printf 'a\nb\n' > f
while read l; do echo "line $l"; done < f
read x < f
echo "reread $x"
