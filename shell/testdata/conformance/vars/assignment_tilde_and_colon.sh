HOME=/h
x=a:~:b
echo $x
