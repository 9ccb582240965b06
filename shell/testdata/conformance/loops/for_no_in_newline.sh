set -- p q
for a
do echo $a
done
