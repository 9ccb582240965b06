printf '1\n2\n3\n' > f
while read a; do echo "a=$a"; break; done < f
cat f | wc -l
