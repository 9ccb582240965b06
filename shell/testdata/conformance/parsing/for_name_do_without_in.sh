set -- p q
for i do echo "$i"; done
