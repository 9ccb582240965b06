HOME=/h
t='~'
echo $t
