IFS=,
list=x,y,z
for i in $list; do echo $i; done
