printf '1\n2\n' > outer
printf 'x\ny\n' > inner
exec 4< inner
while read o; do read i <&4; echo "$o$i"; done < outer
exec 4<&-
