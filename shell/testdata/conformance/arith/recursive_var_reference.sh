a=b
b=c
c=4
echo $((a+1))
